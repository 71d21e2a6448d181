"""Screenshots: pixels to words with boxes, findings to masked pixels."""
