"""Sentence and record templates of the held-out documents, per document kind: meeting notes,
support tickets, HR mail, itineraries, chat, e-mail threads, CRM tables, JSON payloads, shell
history, logs and stack traces. ``{slot}`` names a value maker, ``{p1.first}`` a cast member."""

from __future__ import annotations

MEETING_HEADERS = [
    "# {word} sync, {date}\n\nAttendees: {p1}, {p2} and {p3}\nApologies: {p4.first}\nScribe: {p2.initial}\n\n",
    "Meeting notes ({date}, {clock})\nPresent: {p1.first}, {p2.first}, {p3.first}, Dr. {p4.last}\n\n",
    "**{company} x {company2}: partnership call**\nWho: {p3} (them), {p1} and {p2} (us)\nWhen: {date} {clock}\n\n",
]
MEETING_LINES = [
    "- {p1.first} walked us through the {product} numbers; churn is flat at {duration} median session.",
    "- Action: {p2.first} to ask {p3.first}'s team about the {city} warehouse lease.",
    "- Dr. {p4.last} joined late from {city} and raised the {ticket} outage.",
    "- Budget for {word} approved ({price}), owner {p3.last}.",
    "- We will move the offsite to {place}; {p1.first} is checking hotels.",
    "- Decision: ship {product} {version} after {p2.last} signs off.",
    "- {p3}'s laptop was stolen in {city}; IT wiped it remotely (see {ticket}).",
    "- New hire starts {date}, reports to Ms. {p2.last}; desk next to {p1.first}.",
    "- Customer escalation: {name} (phone {phone}) wants a callback before {clock}.",
    "- Nobody objected to the {duration} timebox.",
    "- {p1.first}, {p2.first} and {p4.first} will pair on the {word} migration.",
    "- Follow-up with the vendor in {country} about the {size} storage tier.",
    "- Open question from {p2.last}: do we keep the {region} pilot?",
    "- Reminder: the shared folder {url} must not leave the team.",
    "- Postmortem for {ticket} is owned by {p4}.",
    "- Thanks to {p3.first} for covering on-call while {p1.first} was in {city}.",
    "- Prof. {p4.last} agreed to review the {word} paper by {date}.",
    "- Mr. {p1.last} from {company} confirmed the invoice {order}.",
    "- Per {p2}, the {region} office closes for {duration} in August.",
    "- TODO ({p3.initial}): send the signed NDA to {email}.",
]
TICKET_HEADERS = [
    "Ticket {ticket} | Priority: {prio} | Channel: web\nRequester: {p1} <{p1.email}>\nAssignee: {p2.first} ({team})\nCreated: {ts}\n\n",
    "[{ticket}] {product} — billing issue\nFrom: {p1.email}\nCustomer name: {p1.rev}\nStatus: open · SLA {duration}\n\n",
]
TICKET_CUSTOMER = [
    "Hello, I ordered {product} (order {order}) and it still hasn't arrived at {address}.",
    "My card {card} was charged twice, please refund one of them.",
    "You can reach me on {phone} between {clock} and {clock2}.",
    "The account is under my wife's name, {p3}, date of birth {dob}.",
    "I already tried resetting; the password I set was {password} and it still says invalid.",
    "Please send the invoice to {email} instead of my work address.",
    "I moved from {city} to {city2} last month so the billing address is wrong.",
    "Refund to my bank please: {iban}.",
    "The page showed error {status} after {duration} of loading.",
    "My SSN is {ssn} if you need it for verification.",
    "I'm writing on behalf of my father, {name}, who can't use the app.",
    "New delivery address: {address} (ring twice).",
    "Born {dob}, in case you need to find my profile.",
]
TICKET_AGENT = [
    "Hi {p1.first}, thanks for your patience.",
    "I've escalated this to our billing team in {city}; reference {ticket}.",
    "For security please never share your full card number or password in a ticket.",
    "{p2.first} from {team} here: I've issued the refund of {price}.",
    "Could you confirm the last login? We see {ip} from {country}.",
    "Internal note: customer verified via DOB ({dob}) and phone {phone}.",
    "Merged with {ticket}; {p4} handles chargebacks for {region}.",
    "Sorry for the trouble, {p1.first}; the fix ships in {version}.",
]
HR_LINES = [
    "We're thrilled you're joining the {team} team in {city}.",
    "Your first day is {date}; please ask for {p2} at reception ({address}).",
    "Your buddy for the first month is {p3.first} {p3.last}.",
    "Payroll needs your SSN ({ssn}) and the IBAN for your salary: {iban}.",
    "We have your date of birth as {dob}; let us know if that's wrong.",
    "Temporary password for the portal: {password} (you'll be asked to change it).",
    "Emergency contact on file: {name} ({relation}), {phone}.",
    "Ms. {p2.last} will walk you through the {product} training ({duration}).",
    "Please reply to {p2.email} with a scan of your passport.",
    "Relocation: the apartment at {address} is booked until {date}.",
    "Benefits enrolment closes in {duration}; questions go to {p4}.",
    "Welcome lunch with {p2.first}, {p3.first} and {p4.first} at {clock}.",
    "Your corporate card {card} arrives by post within {duration}.",
    "{p3.first}'s old desk in the {city} office is yours now.",
]
TRAVEL_LINES = [
    "Hotel: {hotel}, {address}. Check-in {date}.",
    "Local contact in {city}: {name}, {phone}.",
    "Visa letter addressed to {p1} was sent to {p1.email}.",
    "Car pick-up by {name} at {address}.",
    "Note from {p2.first}: the {city} office is a short walk from the hotel.",
    "Booking paid with card {card}; receipt {order}.",
    "Day 2: workshop in {city}, {country}; dinner with {p3} and {p4}.",
    "Return via {city} with a {duration} layover.",
    "Emergency number of the traveller's {relation}, {name}: {phone}.",
    "Weekend trip to {region} is at the traveller's own cost ({price}).",
]
CHAT_LINES = [
    "hey {p2.handle} did you get {p3.lfirst}'s email",
    "yeah its {email}",
    "lol ok",
    "brb coffee",
    "can someone ping {p3.lfirst}? shes in {lcity} this week",
    "deployed {version} to staging, {duration} downtime",
    "fyi the staging db pw is {password}",
    "heres the token dont paste it anywhere: {secret}",
    "{p4.lfirst} and {p2.lfirst} are out today",
    "call me {phone}",
    "my new addy is {address} if u want to send the thing",
    "who broke {ticket} lmao",
    "anyone know {p3.first}'s number",
    "thx {p1.lfirst}!!",
    "pushed {sha} to main",
    "the client ip was {ip}, blocked it",
    "ugh {product} is down again",
    "meeting moved to {clock}",
    "{p2.handle} can u approve pls",
    "ok ill loop in {p4.lfirst} from the {lcity} team",
    "link (dont share): {url}",
    "+1 to what {p1.handle} said",
    "back from {country}, jetlagged af",
]
EMAIL_BODY = [
    "Hi {p2.first}, see below from {p1.first}; can you handle?",
    "Looping in {p4}, who owns the {region} accounts.",
    "{p3.first}, can you confirm the new bank details ({iban}) by phone before we pay?",
    "Adding {p4.first} in cc. Please don't reply-all with the card number again.",
    "The contract sits at {url}; the link expires in {duration}.",
    "FYI {p1.last} is on leave until {date}.",
]
EMAIL_QUOTED = [
    "> {p2.first}, the signed copy is in the shared folder now.",
    "> Our accountant {name} needs the IBAN again: {iban}.",
    "> I'll be in {city} next week, call my mobile {phone}.",
    "> Attaching the {product} quote ({price}), valid for {duration}.",
    "> Please update the address on file to {address}.",
    "> Thanks {p2.first}! Regards to {p4.first}.",
    "> The card on the account is {card}, holder {p1}.",
]
EMAIL_SIGNATURES = [
    "--\n{p1}\n{job} | {company}\n{address}\nT {phone} | M {phone2}\n{p1.email}\n",
    "Best,\n{p1.first}\n\n{p1} · {job}\n{company} · {city}, {country}\nDirect: {phone}\n",
    "Kind regards / Mit freundlichen Grüßen\n\n{p1.initial}\n{company}\nMobile {phone}\n",
]
CRM_TABLES = [
    ("| Contact | Company | Email | Phone | City | Owner | Stage |",
     "| {name} | {company} | {email} | {phone} | {city} | {p1.first} | {stage} |"),
    ("| Name | DOB | SSN | Home address | Notes |",
     "| {name} | {dob} | {ssn} | {address} | follow up {date} |"),
    ("| # | Customer | Card | Amount | Status | Ref |",
     "| {n} | {name} | {card} | {price} | settled | {order} |"),
    ("| Account holder | IBAN | Country | Last login IP |",
     "| {name} | {iban} | {country} | {ip} |"),
]  # fmt: skip
SHELL_LINES = [
    "export {env}={secret}",
    "curl -s -H 'Authorization: Bearer {secret}' https://api.orrerylabs.io/v1/users",
    "curl -u admin:{password} https://{ip4}:{port}/api/health",
    "mysql -h {ip4} -u root -p'{password}' billing",
    "ssh -i ~/.ssh/id_ed25519 deploy@{ip}",
    "git clone https://oauth2:{secret}@gitlab.com/kestrel/infra.git",
    "docker run -e POSTGRES_PASSWORD={password} -p {port}:5432 postgres:{version}",
    "psql postgresql://app:{password}@{ip4}:5432/prod",
    "kubectl create secret generic stripe --from-literal=api-key={secret}",
    "ping -c 3 {ip}",
    "git checkout {sha}",
    "tail -f {path}",
    "du -sh /srv/data  # {size}",
    "aws configure set aws_secret_access_key {awssecret}",
    "python manage.py createsuperuser --email {email}",
    "scp invoice.pdf {p1.login}@{ip4}:~/",
    "pip install requests=={version}",
    "sudo systemctl restart nginx",
    "redis-cli -h {local} -p 6379 -a '{password}' ping",
    "echo '{p2}' >> ~/oncall.txt",
    "curl {puburl}",
    "htop",
]
LOG_LINES = [
    "{ts} INFO  [auth] login succeeded user={email} src={ip} in {duration}",
    "{ts} WARN  [billing] retry {n}/3 for order {order} (card={card})",
    "{ts} ERROR [kyc] mismatch name='{name}' dob={dob} ssn={ssn}",
    "{ts} DEBUG [http] GET {url} {status}",
    "{ts} INFO  [mailer] sent welcome mail to {p1} <{p1.email}>",
    "{ts} INFO  [geo] resolved {ip} -> {city}, {country}",
    "{ts} DEBUG [cfg] loaded {path} ({size})",
    "{ts} INFO  [worker] job {uuid} finished in {duration}",
    "{ts} WARN  [db] slow query {duration} on {local}:{port}",
    'level=error ts={ts} msg="webhook failed" url={url} attempt={n}',
    "{ts} INFO  [sftp] upload by {p1.login} from {ip}: {path}",
    '{ts} INFO  [payout] iban={iban} amount={price} beneficiary="{name}"',
    "{ts} DEBUG [release] {product} {version} build {sha256}",
]
TRACE_MESSAGES = [
    "ValueError: could not charge card {card} for customer {name}",
    "KeyError: '{email}'",
    'psycopg2.OperationalError: connection to server at "{ip4}", port 5432 failed: FATAL: password authentication failed for user "app"',
    "requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: {url}",
    "app.errors.DuplicateCustomer: {name} ({dob}) already exists in {city}",
    "stripe.error.AuthenticationError: Invalid API Key provided: {secret}",
]
JAVA_MESSAGES = [
    "com.kestrel.crm.ContactNotFoundException: No contact for {email}",
    "java.lang.IllegalStateException: phone {phone} already bound to user {p1}",
    "javax.security.auth.login.LoginException: bad credentials for {p1.login} from {ip}",
]


JSON_SHAPES: list[dict] = [
    {
        "event": "user.created",
        "id": ("{uuid}",),
        "ts": ("{ts}",),
        "user": {
            "first_name": ("{p1.first}",),
            "last_name": ("{p1.last}",),
            "email": ("{p1.email}",),
            "phone": ("{phone}",),
            "date_of_birth": ("{dob}",),
            "address": {"street": ("{street}",), "city": ("{city}",), "country": ("{country}",)},
        },
        "client": {"ip": ("{ip}",), "app_version": ("{version}",), "retries": 0},
    },
    {
        "payment_id": ("{order}",),
        "amount": ("{price}",),
        "card": {"number": ("{card}",), "holder": ("{name}",), "exp": "09/28"},
        "billing_iban": ("{iban}",),
        "customer_email": ("{email}",),
        "captured": True,
    },
    {
        "service": ("{product}",),
        "version": ("{version}",),
        "credentials": {
            "api_key": ("{secret}",),
            "password": ("{password}",),
            "webhook": ("{url}",),
        },
        "db_host": ("{ip4}",),
        "docs": ("{puburl}",),
        "checksum": ("{sha256}",),
    },
    {
        "ticket": ("{ticket}",),
        "reporter": ("{p1}",),
        "assignees": [("{p2.handle}",), ("{p3.handle}",)],
        "notes": ("call back on {phone}, ssn {ssn} verified",),
        "attachments_size": ("{size}",),
    },
]


def n_templates() -> int:
    tables = len(CRM_TABLES) * 2
    lists = (
        MEETING_HEADERS, MEETING_LINES, TICKET_HEADERS, TICKET_CUSTOMER, TICKET_AGENT, HR_LINES,
        TRAVEL_LINES, CHAT_LINES, EMAIL_BODY, EMAIL_QUOTED, EMAIL_SIGNATURES, SHELL_LINES,
        LOG_LINES, TRACE_MESSAGES, JAVA_MESSAGES,
    )  # fmt: skip
    return sum(map(len, lists)) + tables + len(JSON_SHAPES) + 4  # + hr/travel/chat/email frames
