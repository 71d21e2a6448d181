"""Top-level domains from the suffix list that ships inside tldextract: no fetch, no cache."""

from __future__ import annotations

import tldextract

OFFLINE_TLD = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)
