"""Word lists that name detection shares: the words next to names that are not names.

Kept apart from the recognizers because the NER step (``nlp.ner_windows``) uses them too: a
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
GIVEN_NAME_WORDS = frozenset({"may", "june", "jun", "jan", "april", "august", "will"})

#: Countries and territories by their usual English names: "Palermo, Morocco" is a place
#: because of its second half (a city list would never be complete; this one is).
COUNTRIES = frozenset(
    """Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Australia|
    Austria|Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|
    Bolivia|Bosnia and Herzegovina|Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|
    Cabo Verde|Cape Verde|Cambodia|Cameroon|Canada|Central African Republic|Chad|Chile|China|
    Colombia|Comoros|Congo|Costa Rica|Côte d'Ivoire|Ivory Coast|Croatia|Cuba|Cyprus|Czechia|
    Czech Republic|Denmark|Djibouti|Dominica|Dominican Republic|Ecuador|Egypt|El Salvador|
    Equatorial Guinea|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|France|Gabon|Gambia|
    Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|
    Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Jamaica|Japan|Jordan|
    Kazakhstan|Kenya|Kiribati|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|
    Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|
    Marshall Islands|Mauritania|Mauritius|Mexico|Micronesia|Moldova|Monaco|Mongolia|Montenegro|
    Morocco|Mozambique|Myanmar|Namibia|Nauru|Nepal|Netherlands|New Zealand|Nicaragua|Niger|
    Nigeria|North Korea|North Macedonia|Norway|Oman|Pakistan|Palau|Palestine|Panama|
    Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|
    Saint Kitts and Nevis|Saint Lucia|Samoa|San Marino|Saudi Arabia|Senegal|Serbia|Seychelles|
    Sierra Leone|Singapore|Slovakia|Slovenia|Solomon Islands|Somalia|South Africa|South Korea|
    Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|
    Tajikistan|Tanzania|Thailand|Timor-Leste|Togo|Tonga|Trinidad and Tobago|Tunisia|Turkey|
    Türkiye|Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|UAE|United Kingdom|UK|
    United States|USA|Uruguay|Uzbekistan|Vanuatu|Vatican City|Venezuela|Vietnam|Viet Nam|Yemen|
    Zambia|Zimbabwe|England|Scotland|Wales|Northern Ireland|Hong Kong|Macau|Puerto Rico|
    Greenland|Faroe Islands|Réunion|Guadeloupe|Martinique|French Guiana|New Caledonia|
    French Polynesia|Bermuda|Cayman Islands|Gibraltar|Isle of Man|Jersey|Guernsey""".replace(
        "\n", ""
    )
    .replace("    ", "")
    .split("|")
)
