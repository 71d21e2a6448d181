"""Documents people write: prose paragraphs, chat, e-mail (headers, greeting, signature)."""

from __future__ import annotations

from corpora.text.document import Builder, lines
from corpora.values import email_for, person

_FILLER = [
    "The [[product]] migration is on track for the next sprint.",
    "We agreed to revisit the roadmap after the [[word]] review.",
    "Build [[version]] fixed the flaky upload test ([[ticket]]).",
    "Latency dropped to [[duration]] after the cache change.",
    "The dashboard colour is now [[color]] to match the brand guide.",
    "Order [[order]] was shipped and invoiced at [[price]].",
    "See [[pub_url]] for the background.",
    "The nightly job writes to [[path]] and takes about [[duration]].",
    "Commit [[sha]] reverted the config change.",
    "Storage use grew to [[size]] this quarter.",
    "Please keep the meeting at [[clock]] on [[word]].",
    "Nothing else changed in the release notes.",
    "Two reviewers approved the pull request, so it can go out today.",
    "The vendor quoted [[price]] per seat for [[product]].",
]

_SENSITIVE = [
    "[[person]] asked to be reached at [[email]] or [[phone]].",
    "Please call [[person]] on [[phone]] about the renewal.",
    "[[person]] moved to [[city]] last month.",
    "Her new address is [[address]].",
    "The refund goes to card [[card]], holder [[person]].",
    "Wire the deposit to IBAN [[iban]] (account holder: [[person]]).",
    "[[person]]'s SSN is [[ssn]] according to the HR form.",
    "Date of birth: [[dob]], as on the passport of [[person]].",
    "[[person]] was born on [[dob]] in [[city]].",
    "His US passport number is [[passport]].",
    "The checking account number is [[bank]] at the credit union.",
    "Driver's license [[dl]] was scanned at the front desk.",
    "Dr. [[person]] (DEA certificate [[dea]]) signed the prescription.",
    "Send the payment to my bitcoin wallet [[btc]].",
    "The shared folder is [[url]] (do not forward).",
    "The login came from [[ip]], not from the office.",
    "I reset the password to [[password]] for now.",
    "Per [[person]], the contract renews in [[city]] next year.",
    "Looping in [[person]] and [[person2]] from the [[city]] office.",
    "You can text me at [[phone]] after [[clock]].",
    "Billing contact: [[person]], [[email]].",
    "Ship it to [[person]], [[address]].",
    "Card on file: [[card]] (expires 09/27).",
    "For the background check we need SSN [[ssn]] and DOB [[dob]].",
    "Her date of birth is [[dob]] and she lives at [[address]].",
    "Passport no. [[passport]], issued to [[person]].",
    "Routing is fine but the account number [[bank]] bounced.",
    "DL number [[dl]] on the rental form.",
    "BTC: [[btc]]",
    "Temporary credentials: user admin, password [[password]]",
    "The VPN gateway is [[ip]] and my laptop was [[ip2]].",
    "Grab the recording here: [[url]]",
    "Payout IBAN: [[iban]].",
    "ask [[first]] about it, she has the numbers.",
]


def _prose(b: Builder) -> None:
    """Paragraphs mixing ordinary sentences with sensitive ones (at least one a paragraph)."""
    rng = b.rng
    for p in range(rng.randint(2, 5)):
        if p:
            b.add("\n\n")
        n = rng.randint(3, 7)
        surely = rng.randrange(n)
        for s in range(n):
            if s:
                b.add(" ")
            pool = _SENSITIVE if s == surely or rng.random() < 0.35 else _FILLER
            b.fill(rng.choice(pool))


_CHAT = [
    "can you send me [[person2]]'s number?",
    "sure, it's [[phone]]",
    "my email is [[email]]",
    "thanks [[first]]!",
    "deploy of [[version]] is done, [[status]] on all health checks",
    "the wifi password is [[password]]",
    "who owns [[ticket]]?",
    "lunch at [[clock]]?",
    "I'm in [[city]] this week",
    "card ends up being [[card]] if you need it for the booking",
    "here's the doc: [[url]]",
    "build took [[duration]], not bad",
    "ok",
    "on it",
    "my ssn for the payroll form is [[ssn]]",
    "use this token for now: [[ghp]]",
    "pw is [[password]] btw",
    "new number: [[phone]]",
    "meet you at [[address]]",
    "flying to [[city]] on [[word]]",
    "cc [[person2]] ([[email]])",
    "jwt for staging: [[jwt]]",
    "iban for the refund: [[iban]]",
]


def _chat(b: Builder) -> None:
    rng = b.rng
    people = [person(rng) for _ in range(rng.randint(2, 4))]
    for _ in range(rng.randint(8, 25)):
        b.add("[")
        b.fill("[[clock]]")
        b.add("] ")
        b.put("PERSON", rng.choice(people))
        b.add(": ")
        b.fill(rng.choice(_CHAT))
        b.add("\n")


def _email(b: Builder) -> None:
    rng = b.rng
    me, you = person(rng), person(rng)
    b.add("From: ")
    b.put("PERSON", me)
    b.add(" <")
    b.put("EMAIL_ADDRESS", email_for(rng, me))
    b.add(">\nTo: ")
    b.put("PERSON", you)
    b.add(" <")
    b.put("EMAIL_ADDRESS", email_for(rng, you))
    b.add(">\n")
    if rng.random() < 0.5:
        b.fill("Cc: [[email]]\n")
    b.fill(
        "Date: [[ts]]\nSubject: Re: [[ticket]] [[word]] follow-up\nMessage-ID: <[[uuid]]@mail>\n\n"
    )
    b.add(rng.choice(["Hi ", "Hello ", "Dear ", "Hey "]))
    b.put("PERSON", you.split()[0])
    b.add(",\n\n")
    _prose_lines = _SENSITIVE + _FILLER
    for _ in range(rng.randint(2, 4)):
        lines(b, _prose_lines, rng.randint(1, 3), end=" ")
        b.add("\n\n")
    b.add(rng.choice(["Best regards,\n", "Thanks,\n", "Cheers,\n", "Kind regards,\n"]))
    b.put("PERSON", me)
    b.fill("\nSenior [[word]] Manager, Northwind Traders\nTel: [[phone]]\nMobile: [[phone2]]\n")
    if rng.random() < 0.6:
        b.fill("[[address]]\n")
