"""Card numbers."""

from __future__ import annotations

from presidio_analyzer import Pattern
from presidio_analyzer.predefined_recognizers import CreditCardRecognizer

#: Presidio's card pattern predates Mastercard's 2-series (2221-2720, issued since 2017).
MASTERCARD_2_SERIES = Pattern(
    "Mastercard 2-series (weak)",
    r"\b(?:222[1-9]|22[3-9]\d|2[3-6]\d{2}|27[01]\d|2720)[- ]?\d{4}[- ]?\d{4}[- ]?\d{4}\b",
    0.3,
)
#: Nor does it know Mir (Russia's national card network, 2200-2204, 16-19 digits).
MIR = Pattern(
    "Mir (weak)",
    r"\b220[0-4][- ]?\d{4}[- ]?\d{4}[- ]?\d{4}(?:\d{1,3})?\b",
    0.3,
)


def card_recognizer() -> CreditCardRecognizer:
    """Presidio's card recognizer (Luhn-validated) with Mastercard's 2-series and Mir added."""
    return CreditCardRecognizer(patterns=[*CreditCardRecognizer.PATTERNS, MASTERCARD_2_SERIES, MIR])
