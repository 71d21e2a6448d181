"""Word lists of the held-out generator: names of many cultures, places, streets, companies,
products and the other vocabulary its documents are written with. They were written for this
generator alone; none is shared with the rest of ``corpora``, so rules tuned on ``corpora.text``
meet names and places here that they have not seen."""

from __future__ import annotations

#: culture -> (given names, family names, order): "west" writes given first, "east" family
#: first, "mixed" either way (East Asian names in Western offices), "viet" family middle given.
NAMES: dict[str, tuple[list[str], list[str], str]] = {
    "anglo": (
        "Siobhan Declan Brianna Tucker Maeve Rhys Callum Imogen Harriet Ezekiel Garrett Wren "
        "Dolores Cormac Tabitha Lachlan".split(),
        "O'Neill McAllister Fitzgerald Whitaker Ashworth Pemberton Hargreaves Blackwood "
        "Featherstone Donnelly MacLeod O'Sullivan Quigley Thistlethwaite".split(),
        "west",
    ),
    "hispanic": (
        [
            "María José",
            "Juan Pablo",
            "Ximena",
            "Itzel",
            "Rodrigo",
            "Guadalupe",
            "Ana Sofía",
            "Joaquín",
            "Maite",
            "Esteban",
            "Catalina",
            "Nicolás",
            "Marisol",
            "Teodoro",
        ],  # fmt: skip
        [
            "García-López",
            "Fernández de la Vega",
            "Quispe",
            "Mamani",
            "Ibarra Zapata",
            "Villalobos",
            "Echeverría",
            "Olmedo",
            "Cienfuegos",
            "Arriaga",
            "Sandoval",
            "Montoya Ruiz",
            "Bustamante",
            "Del Castillo",
        ],  # fmt: skip
        "west",
    ),
    "lusophone": (
        ["João Vitor", "Thaís", "Gonçalo", "Luana", "Caio", "Beatriz"],
        ["dos Santos", "Figueiredo", "Nascimento", "Magalhães", "Brandão", "Cavalcanti"],
        "west",
    ),
    "french": (
        "Élodie Benoît Océane Thibault Margaux Anaïs".split(),
        ["Lefèvre", "Dubois-Martin", "Chevalier", "Rousseau", "Fontaine", "Delacroix"],
        "west",
    ),
    "italian": (
        "Giulia Tommaso Chiara Alessandro Federica Ludovica".split(),
        ["Esposito", "Bianchi-Russo", "De Luca", "Marchetti", "Santoro", "Lombardi"],
        "west",
    ),
    "germanic": (
        "Jörg Annika Maximilian Friederike Sanne Joost".split(),
        ["Schäfer", "von Bredow", "Hoffmann", "van der Meer", "de Vries", "Brinkmann"],
        "west",
    ),
    "nordic": (
        "Åsa Sigrid Eero Magnus Freja Linnea".split(),
        "Lindqvist Søndergaard Virtanen Haugen Bergström Halvorsen".split(),
        "west",
    ),
    "slavic": (
        "Katarzyna Dmitri Zuzana Bogdan Milena Oleksandr".split(),
        "Wiśniewska Volkov Dvořák Kovalenko Petrović Nowicki".split(),
        "west",
    ),
    "magyar_ro": (
        "Zsófia Bence Ioana Radu".split(),
        "Szabó Nagy Popescu Ionescu".split(),
        "west",
    ),
    "greek_turkish": (
        "Eleni Yiannis Ayşe Emre Zeynep Stavros".split(),
        "Papadopoulou Karagiannis Yılmaz Öztürk Demir Christodoulou".split(),
        "west",
    ),
    "arabic_persian": (
        "Yousef Layla Omar Noor Dariush Shirin Khalid Rania".split(),
        ["Al-Mansour", "Haddad", "El-Amin", "Khoury", "Tehrani", "Rostami", "Nasser", "Farouk"],
        "west",
    ),
    "hebrew": (
        "Yael Noam Avital Eitan".split(),
        ["Ben-David", "Shapiro", "Mizrahi", "Katz"],
        "west",
    ),
    "south_asian": (
        "Priyanka Venkatesh Anjali Harpreet Arjun Nandini Farhan Tahmina Ishaan Lakshmi Rohit "
        "Deepika Sandeep Meenakshi".split(),
        "Subramanian Chatterjee Deshpande Iyer Sandhu Qureshi Rahman Bhattacharya Kulkarni "
        "Menon Gill Siddiqui Venkataraman Banerjee".split(),
        "west",
    ),
    "chinese": (
        "Xiuying Jianhua Yuxuan Zihan Haoyu Meiling".split(),
        "Huang Zhao Xu Guo Lin Tang".split(),
        "mixed",
    ),
    "japanese": (
        "Haruki Yui Sota Aoi Ren Sakura".split(),
        "Takeda Nakamura Yamaguchi Matsumoto Inoue Fujita".split(),
        "mixed",
    ),
    "korean": (
        "Min-jun Seo-yeon Ji-hoon Ha-eun Do-yoon Su-bin".split(),
        "Park Choi Jung Kang Yoon Lim".split(),
        "east",
    ),
    "vietnamese": (
        "An Linh Minh Thao Quang Huong".split(),
        "Nguyen Tran Le Pham Hoang Vu".split(),
        "viet",
    ),
    "se_asian": (
        "Maricel Jericho Dewi Budi Somchai Siriporn".split(),
        ["Dela Cruz", "Bautista", "Santoso", "Wijaya", "Jaidee", "Srisuk"],
        "west",
    ),
    "african": (
        "Chiamaka Oluwaseun Kofi Ama Tendai Nomvula Amadou Fatoumata Wanjiru Abebe Tigist "
        "Chidi Thandeka Kwabena Zawadi Yaw".split(),
        "Okonkwo Adeyemi Mensah Boateng Moyo Ndlovu Diallo Traoré Kamau Otieno Bekele Haile "
        "Oyelaran Asante Mwangi Nkemelu".split(),
        "west",
    ),
    "pacific": (
        "Aroha Tane Mele Sione".split(),
        "Ngata Parata Tuilagi Fonoti".split(),
        "west",
    ),
}
VIET_MIDDLE = ["Van", "Thi", "Duc", "Ngoc", "Minh", "Thanh"]

CITIES = [
    "Tromsø", "Cluj-Napoca", "Porto Alegre", "Chiang Mai", "Wrocław", "Kraków", "Gothenburg",
    "Bilbao", "Thessaloniki", "Izmir", "Kumasi", "Mombasa", "Arusha", "Durban", "Gqeberha",
    "Ibadan", "Kano", "Abidjan", "Dakar", "Casablanca", "Fez", "Alexandria", "Haifa", "Tabriz",
    "Shiraz", "Lahore", "Faisalabad", "Chittagong", "Kathmandu", "Coimbatore", "Kochi",
    "Indore", "Surat", "Nagpur", "Colombo", "Kandy", "Cebu", "Davao", "Surabaya", "Medan",
    "Da Nang", "Hai Phong", "Chengdu", "Wuhan", "Xi'an", "Kunming", "Harbin", "Busan", "Daegu",
    "Sapporo", "Fukuoka", "Sendai", "Kaohsiung", "Taichung", "Perth", "Adelaide", "Hobart",
    "Christchurch", "Dunedin", "Winnipeg", "Halifax", "Québec City", "Calgary", "Boise",
    "Tucson", "Albuquerque", "Omaha", "Savannah", "Duluth", "Anchorage", "Honolulu",
    "Guadalajara", "Monterrey", "Oaxaca", "Medellín", "Cali", "Arequipa", "Cusco", "Valparaíso",
    "Córdoba", "Rosario", "Montevideo", "Curitiba", "Recife", "Belo Horizonte", "Manaus",
    "Bergen", "Aarhus", "Tampere", "Uppsala", "Malmö", "Graz", "Linz", "Basel", "Lausanne",
    "Ghent", "Antwerp", "Utrecht", "Eindhoven", "Leeds", "Glasgow", "Cork", "Galway", "Cardiff",
    "Bristol", "Nantes", "Bordeaux", "Toulouse", "Lille", "Turin", "Bologna", "Palermo",
    "Seville", "Valencia", "Zaragoza", "Braga", "Brno", "Ostrava", "Debrecen", "Timișoara",
    "Plovdiv", "Novi Sad", "Split", "Ljubljana", "Tartu", "Kaunas", "Lviv", "Tbilisi",
    "Yerevan", "Almaty", "Tashkent", "Samarkand", "Novosibirsk", "Kazan",
]  # fmt: skip
REGIONS = [
    "Bavaria", "Catalonia", "Andalusia", "Tuscany", "Brittany", "the Scottish Highlands",
    "Kerala", "Punjab", "Gujarat", "Sichuan", "Hokkaido", "Queensland", "Patagonia", "Ontario",
    "British Columbia", "Alberta", "Yucatán", "Flanders", "Lapland", "Transylvania",
    "Cappadocia", "KwaZulu-Natal", "Minas Gerais", "Texas", "Nova Scotia", "Tasmania",
]  # fmt: skip
COUNTRIES = [
    "Norway", "Ghana", "Vietnam", "Peru", "New Zealand", "Kazakhstan", "Uruguay", "Sri Lanka",
    "Morocco", "Estonia", "Portugal", "the Philippines", "Kenya", "Chile", "Slovenia",
    "Bangladesh", "Jordan", "Tunisia", "Ecuador", "Mongolia", "Iceland", "Senegal",
]  # fmt: skip
REGION_VALUES = [r.removeprefix("the ") for r in REGIONS]
COUNTRY_VALUES = [c.removeprefix("the ") for c in COUNTRIES]

COMPANIES = [
    "Kestrel Analytics", "Bluefin Logistics GmbH", "Tamarind Health", "Orrery Labs",
    "Copperleaf Insurance", "Halcyon Freight Ltd", "Marlowe & Finch LLP", "Saltmarsh Foods",
    "Vantablue Systems", "Pinewick Outdoor", "Lumen Ridge Capital", "Ostara Biotech",
]  # fmt: skip
PRODUCTS = [
    "Quartzline Pro", "Nimbus Sync", "Helios Dashboard", "Atlas CRM", "Madison Suite",
    "Juniper Gateway", "Sierra Ledger", "Aurora Mobile", "Tessellate", "Beacon Reports",
    "Harbor Vault", "Florence Scheduler", "Jasper Inbox", "Everest Backup",
]  # fmt: skip
WORDS = [
    "Monday", "Thursday", "Roadmap", "Kickoff", "Procurement", "Legal", "Retro", "OKR",
    "Engineering", "Finance", "Quarterly", "Hiring", "Offsite", "Compliance", "Security",
    "Onboarding", "Q3", "Q4", "North Star", "Platform",
]  # fmt: skip
TEAMS = ["Payments", "Growth", "Platform", "Customer Care", "Data", "Mobile", "Risk", "People Ops"]
JOBS = [
    "Senior Account Manager", "Head of Partnerships", "Staff Engineer", "Regional Sales Lead",
    "Customer Success Manager", "Procurement Specialist", "VP Operations", "Paralegal",
]  # fmt: skip
HOTELS = ["Hotel Aurelia", "The Linden House", "Casa Marisma", "Harbourview Suites", "Ryokan Sora"]
RELATIONS = ["spouse", "mother", "brother", "partner", "sister", "father"]
DOMAINS = [
    "posteo.de", "fastmail.com", "hey.com", "mail.ru", "naver.com", "yandex.ru", "icloud.com",
    "gmx.net", "libero.it", "uol.com.br", "163.com", "hotmail.fr", "bigpond.com", "telus.net",
    "kestrel-analytics.com", "bluefin-logistics.de", "tamarindhealth.org", "orrerylabs.io",
    "copperleaf.co.uk", "halcyonfreight.com.au", "vantablue.in", "saltmarsh.co.nz",
]  # fmt: skip
STREETS_EN = ["Juniper Hollow", "Wellington", "Ashgrove", "Kingfisher", "Beacon Hill", "Tanner"]
STREET_KINDS_US = ["Ln", "Ave", "Blvd", "Dr", "Ct", "Street"]
STREET_KINDS_UK = ["Crescent", "Road", "Gardens", "Terrace", "Mews", "Lane"]
UK_TOWNS = ["Harrogate HG1 2PX", "Bath BA1 5LR", "Norwich NR2 4DF", "Truro TR1 3JQ"]
US_TOWNS = ["Boise, ID 83702", "Tucson, AZ 85719", "Omaha, NE 68102", "Duluth, MN 55802"]
DE_STREETS = ["Kastanienallee", "Lindenstraße", "Am Mühlbach", "Schillerweg", "Hafenstraße"]
DE_TOWNS = ["10435 Berlin", "50667 Köln", "04109 Leipzig", "79098 Freiburg im Breisgau"]
FR_STREETS = ["avenue Jean-Jaurès", "rue des Tanneurs", "boulevard Gambetta", "impasse du Lavoir"]
FR_TOWNS = ["69007 Lyon", "31000 Toulouse", "44000 Nantes", "33800 Bordeaux"]
NL_STREETS = ["Prinsengracht", "Oudegracht", "Witte de Withstraat", "Bloemstraat"]
NL_TOWNS = ["1016 GV Amsterdam", "3511 AL Utrecht", "3012 BM Rotterdam"]
JP_AREAS = ["Nishi-Shinjuku, Shinjuku-ku, Tokyo", "Chuo-ku, Sapporo", "Hakata-ku, Fukuoka"]
IN_AREAS = ["Indiranagar, Bengaluru", "Koregaon Park, Pune", "Salt Lake, Kolkata"]
BR_STREETS = ["Rua Augusta", "Avenida Paulista", "Rua das Flores", "Rua XV de Novembro"]
AU_STREETS = ["Bourke St, Surry Hills NSW 2010", "Flinders Ln, Melbourne VIC 3000"]
IT_STREETS = ["Via dei Mille", "Corso Vittorio Emanuele II", "Via Garibaldi"]
ES_STREETS = ["Calle de Alcalá", "Carrer de Mallorca", "Calle Sierpes"]
PL_STREETS = ["ul. Floriańska", "ul. Piotrkowska", "al. Grunwaldzka"]

PUBLIC_URLS = [
    "https://docs.python.org/3/library/json.html",
    "https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/429",
    "https://kubernetes.io/docs/concepts/workloads/pods/",
    "https://en.wikipedia.org/wiki/Luhn_algorithm",
    "https://www.rfc-editor.org/rfc/rfc7519",
    "https://semver.org/",
]
PATHS = [
    "/var/log/nginx/access.log", "src/billing/invoice.py", "/etc/app/settings.toml",
    "~/Downloads/report_final_v3.xlsx", "C:\\Users\\Public\\export.csv", "/srv/data/cache.db",
]  # fmt: skip
ENV_NAMES = [
    "GH_TOKEN", "STRIPE_SECRET_KEY", "OPENAI_API_KEY", "SLACK_BOT_TOKEN", "SENDGRID_API_KEY",
    "NPM_TOKEN", "DATADOG_API_KEY", "MAPBOX_ACCESS_TOKEN", "TWILIO_AUTH_TOKEN", "X_API_TOKEN",
]  # fmt: skip
IATA = ["LHR", "FRA", "NRT", "GRU", "JNB", "SIN", "YYZ", "CDG", "IST", "DXB", "BOG", "AKL"]
AIRLINES = ["LH", "BA", "NH", "LA", "QR", "TK", "SQ", "AC", "KL", "EK"]

B62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
HEX = "0123456789abcdef"
MONTHS = "January February March April May June July August September October November December"
MONTH_NAMES = MONTHS.split()
