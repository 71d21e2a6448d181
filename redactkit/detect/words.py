"""Word lists that name detection shares: the words next to names that are not names.

Kept apart from the recognizers because the NER step (``nlp.ner_view``) uses them too: a
capitalised interface or function word alone is no reason to run the model.
"""

from __future__ import annotations

#: Capitalised words that often stand next to a name without being part of it: days and
#: months, greetings, and the imperatives and function words that open a sentence before one
#: ("Ask Maria Lopez", "Dear Maria", "Re: Maria").
NOT_NAME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december today tomorrow yesterday "
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun ref "
    "tonight thanks thank hi hello hey dear cheers regards best team ask call email mail tell "
    "send ping contact please the a an this that these those our your my his her their its "
    "when if and but so also meet message text reach forward invite welcome congrats sorry "
    "re fw fwd subject from to cc bcc by with for or at on in of is was are user name owner "
    "author assignee reviewer customer client patient employee contact "
    # interface words the model sometimes tags as part of a name ("Db Password")
    "password passwd passphrase username login logout signin account settings profile admin "
    "security key keys token secret api webhooks database host port server users email phone "
    "address search home dashboard inbox sent drafts".split()
)

#: Words of that list that are also given names ("Hi June,", "Will said"): alone they still
#: send their neighbourhood to the model.
GIVEN_NAME_WORDS = frozenset({"may", "june", "jun", "april", "august", "will"})
