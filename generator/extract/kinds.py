"""Generic English word lists for telling actors apart: titles, organisation
heads, reporting verbs, and countries with their demonyms and capitals.

Nothing here is specific to any one story: these are world facts and
ordinary vocabulary.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Person titles and job nouns (lowercase). "a UN spokesman" -> person.
TITLES = frozenset("""
president vice-president premier minister prime secretary chancellor king queen prince princess emir sheikh
sultan monarch dictator leader chief head director spokesman spokeswoman spokesperson envoy ambassador
diplomat commander general colonel lieutenant major captain sergeant admiral marshal officer official
member chairman chairwoman chair chairperson founder co-founder governor mayor senator congressman
congresswoman representative lawmaker legislator mp deputy adviser advisor aide negotiator mediator
coordinator researcher analyst expert professor doctor dr surgeon nurse journalist reporter correspondent
editor activist campaigner lawyer attorney judge prosecutor manager executive ceo cfo chief-executive
president-elect pope bishop archbishop cardinal imam rabbi cleric priest resident witness survivor
fighter militant rebel soldier worker volunteer organiser organizer student teacher economist scientist
engineer pilot police policeman policewoman inspector detective sheriff constable chancellor-elect
secretary-general undersecretary commissioner delegate observer monitor investigator auditor
""".split())

# Nouns that end (or follow) an organisation's name. "Fastaqim group" -> organization.
ORG_HEADS = frozenset("""
group union front brigade brigades army committee council ministry party movement coalition alliance
federation association organisation organization agency authority commission court parliament assembly
congress senate bank fund company corporation corp inc ltd institute foundation university college
department office bureau service services forces force police guard militia faction network league
society initiative centre center board tribunal government administration cabinet regime church
observatory mission battalion division corps regiment command council squad unit club team trust
""".split())

# Nouns for places, not actors. Land and settlements: "the Tessel river", "the town of Sarnik", "the capital, Aster".
PLACE_NOUNS = frozenset("""
river rivers lake sea bay gulf strait canal coast island islands peninsula mountain mountains hill hills valley
desert forest town towns city cities village villages capital province provinces district districts region
regions county suburb suburbs neighbourhood neighborhood municipality settlement
""".split())
# Built places: "Karst Dam", "Pier 4", "the port of Velmar" (but "the Glencore mine" names a company's mine).
BUILT_PLACES = frozenset("""
port harbour harbor pier dock wharf dam bridge airport airfield station terminal highway motorway road street
avenue square plaza park stadium tower reservoir crossing checkpoint plant refinery factory shipyard mine
""".split())
# Built places no company is named before: "the Rafah crossing" (but "the Glencore mine", "the Shell station").
LANDMARKS = frozenset("crossing checkpoint airport airfield dam bridge state".split())
# Place nouns that never end an organisation's own name ("Manchester City", "Derby County", "Islamic State" do).
NAME_PLACE_HEADS = (PLACE_NOUNS | BUILT_PLACES) - frozenset("""
town towns city cities capital county municipality settlement
""".split())

# Blocs named by a compass point, and the collective name they stand for: "the West" acts as "Western powers".
BLOCS = {"west": "Western powers"}

# Org heads that may be dropped from a name without changing whom it names.
GENERIC_ORG_SUFFIXES = frozenset("""
group union movement organisation organization brigade brigades faction
company co corp corporation inc incorporated ltd limited plc holdings industries pharmaceuticals pharma chemicals
""".split())  # "Fastaqim" of "Fastaqim Union", "Merivell" of "Merivell Pharmaceuticals"

# Lemmas of verbs that report speech: their subject is a speaker.
SPEECH_VERBS = frozenset("""
say tell add state claim announce deny confirm warn insist argue stress note explain report accuse urge
call describe reject condemn criticise criticize welcome demand admit acknowledge allege assert declare
respond reply comment suggest reiterate emphasise emphasize write tweet threaten vow pledge promise
""".split())

# Capitalised words that start a sentence or a title but never a name.
NOT_NAMES = frozenset("""
the a an this that these those he she it they we i you his her its their our my your mr mrs ms dr
meanwhile however but and or so yet also then now today yesterday tomorrow monday tuesday wednesday
thursday friday saturday sunday january february march april may june july august september october
november december asked according although while when after before since as if in on at by for from
with without under over about into of to
""".split())

# Name particles that stay lowercase inside a name.
PARTICLES = frozenset("al al- el el- bin ibn bint abu abd de del della der di da van von le la du dos das ter ten".split())

# country | demonyms (comma separated) | capital
_COUNTRIES = """
Afghanistan|Afghan|Kabul
Albania|Albanian|Tirana
Algeria|Algerian|Algiers
Angola|Angolan|Luanda
Argentina|Argentine,Argentinian|Buenos Aires
Armenia|Armenian|Yerevan
Australia|Australian|Canberra
Austria|Austrian|Vienna
Azerbaijan|Azerbaijani|Baku
Bahrain|Bahraini|Manama
Bangladesh|Bangladeshi|Dhaka
Belarus|Belarusian|Minsk
Belgium|Belgian|Brussels
Bolivia|Bolivian|La Paz
Bosnia and Herzegovina|Bosnian|Sarajevo
Brazil|Brazilian|Brasilia
Bulgaria|Bulgarian|Sofia
Burkina Faso|Burkinabe|Ouagadougou
Burundi|Burundian|Gitega
Cambodia|Cambodian|Phnom Penh
Cameroon|Cameroonian|Yaounde
Canada|Canadian|Ottawa
Central African Republic|Central African|Bangui
Chad|Chadian|N'Djamena
Chile|Chilean|Santiago
China|Chinese|Beijing
Colombia|Colombian|Bogota
Congo|Congolese|Kinshasa
Costa Rica|Costa Rican|San Jose
Croatia|Croatian|Zagreb
Cuba|Cuban|Havana
Cyprus|Cypriot|Nicosia
Czech Republic|Czech|Prague
Denmark|Danish|Copenhagen
Djibouti|Djiboutian|
Dominican Republic|Dominican|Santo Domingo
Ecuador|Ecuadorian|Quito
Egypt|Egyptian|Cairo
El Salvador|Salvadoran|San Salvador
Eritrea|Eritrean|Asmara
Estonia|Estonian|Tallinn
Ethiopia|Ethiopian|Addis Ababa
Finland|Finnish|Helsinki
France|French|Paris
Georgia|Georgian|Tbilisi
Germany|German|Berlin
Ghana|Ghanaian|Accra
Greece|Greek|Athens
Guatemala|Guatemalan|
Guinea|Guinean|Conakry
Haiti|Haitian|Port-au-Prince
Honduras|Honduran|Tegucigalpa
Hungary|Hungarian|Budapest
Iceland|Icelandic|Reykjavik
India|Indian|New Delhi
Indonesia|Indonesian|Jakarta
Iran|Iranian|Tehran
Iraq|Iraqi|Baghdad
Ireland|Irish|Dublin
Israel|Israeli|Jerusalem
Italy|Italian|Rome
Ivory Coast|Ivorian|Abidjan
Jamaica|Jamaican|Kingston
Japan|Japanese|Tokyo
Jordan|Jordanian|Amman
Kazakhstan|Kazakh|Astana
Kenya|Kenyan|Nairobi
Kosovo|Kosovar|Pristina
Kuwait|Kuwaiti|
Kyrgyzstan|Kyrgyz|Bishkek
Laos|Laotian|Vientiane
Latvia|Latvian|Riga
Lebanon|Lebanese|Beirut
Libya|Libyan|Tripoli
Lithuania|Lithuanian|Vilnius
Luxembourg|Luxembourgish|
Madagascar|Malagasy|Antananarivo
Malawi|Malawian|Lilongwe
Malaysia|Malaysian|Kuala Lumpur
Mali|Malian|Bamako
Malta|Maltese|Valletta
Mauritania|Mauritanian|Nouakchott
Mexico|Mexican|Mexico City
Moldova|Moldovan|Chisinau
Mongolia|Mongolian|Ulaanbaatar
Montenegro|Montenegrin|Podgorica
Morocco|Moroccan|Rabat
Mozambique|Mozambican|Maputo
Myanmar|Burmese|Naypyidaw
Namibia|Namibian|Windhoek
Nepal|Nepali,Nepalese|Kathmandu
Netherlands|Dutch|Amsterdam
New Zealand|New Zealander|Wellington
Nicaragua|Nicaraguan|Managua
Niger|Nigerien|Niamey
Nigeria|Nigerian|Abuja
North Korea|North Korean|Pyongyang
North Macedonia|Macedonian|Skopje
Norway|Norwegian|Oslo
Oman|Omani|Muscat
Pakistan|Pakistani|Islamabad
Palestine|Palestinian|Ramallah
Panama|Panamanian|
Paraguay|Paraguayan|Asuncion
Peru|Peruvian|Lima
Philippines|Filipino,Philippine|Manila
Poland|Polish|Warsaw
Portugal|Portuguese|Lisbon
Qatar|Qatari|Doha
Romania|Romanian|Bucharest
Russia|Russian|Moscow
Rwanda|Rwandan|Kigali
Saudi Arabia|Saudi|Riyadh
Senegal|Senegalese|Dakar
Serbia|Serbian|Belgrade
Sierra Leone|Sierra Leonean|Freetown
Singapore|Singaporean|
Slovakia|Slovak|Bratislava
Slovenia|Slovenian|Ljubljana
Somalia|Somali|Mogadishu
South Africa|South African|Pretoria
South Korea|South Korean|Seoul
South Sudan|South Sudanese|Juba
Spain|Spanish|Madrid
Sri Lanka|Sri Lankan|Colombo
Sudan|Sudanese|Khartoum
Sweden|Swedish|Stockholm
Switzerland|Swiss|Bern
Syria|Syrian|Damascus
Taiwan|Taiwanese|Taipei
Tajikistan|Tajik|Dushanbe
Tanzania|Tanzanian|Dodoma
Thailand|Thai|Bangkok
Tunisia|Tunisian|Tunis
Turkey|Turkish|Ankara
Turkmenistan|Turkmen|Ashgabat
Uganda|Ugandan|Kampala
Ukraine|Ukrainian|Kyiv,Kiev
United Arab Emirates|Emirati|Abu Dhabi
United Kingdom|British|London
United States|American|Washington
Uruguay|Uruguayan|Montevideo
Uzbekistan|Uzbek|Tashkent
Venezuela|Venezuelan|Caracas
Vietnam|Vietnamese|Hanoi
Yemen|Yemeni|Sanaa
Zambia|Zambian|Lusaka
Zimbabwe|Zimbabwean|Harare
"""

# Other names of the same countries (abbreviations, short forms).
_COUNTRY_ALIASES = {
    "US": "United States", "U.S.": "United States", "USA": "United States", "U.S.A.": "United States",
    "America": "United States", "United States of America": "United States",
    "UK": "United Kingdom", "U.K.": "United Kingdom", "Britain": "United Kingdom",
    "Great Britain": "United Kingdom", "UAE": "United Arab Emirates", "Holland": "Netherlands",
    "Burma": "Myanmar", "Czechia": "Czech Republic", "Turkiye": "Turkey", "Türkiye": "Turkey",
    "Côte d'Ivoire": "Ivory Coast", "DRC": "Congo", "DR Congo": "Congo",
    "Democratic Republic of the Congo": "Congo", "Russian Federation": "Russia",
    "People's Republic of China": "China", "Republic of Korea": "South Korea",
}


def _table() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    countries: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for line in _COUNTRIES.strip().splitlines():
        name, demonym_list, capital_list = line.split("|")
        countries[name.casefold()] = name
        for demonym in filter(None, demonym_list.split(",")):
            demonyms[demonym.casefold()] = name
        for capital in filter(None, capital_list.split(",")):
            capitals[capital.casefold()] = name
    for alias, name in _COUNTRY_ALIASES.items():
        countries[alias.casefold()] = name
    return countries, demonyms, capitals


COUNTRIES, DEMONYMS, CAPITALS = _table()


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Casefolded, accent-free, with curly quotes made straight."""
    text = text.replace("’", "'").replace("‘", "'")
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def country_of(text: str) -> str | None:
    """The country a name or demonym names: "Russian" -> "Russia", "the U.S." -> "United States"."""
    key = fold(text).strip()
    key = re.sub(r"^the\s+", "", key)
    key = re.sub(r"'s$", "", key)
    if key in COUNTRIES:
        return COUNTRIES[key]
    if key in DEMONYMS:
        return DEMONYMS[key]
    if key.endswith("s") and key[:-1] in DEMONYMS:  # "Russians"
        return DEMONYMS[key[:-1]]
    return None


def country_named(text: str) -> str | None:
    """The country a name (not a demonym) names: "the U.S." -> "United States", "Russian" -> None."""
    key = re.sub(r"'s$", "", re.sub(r"^the\s+", "", fold(text).strip()))
    return COUNTRIES.get(key)


def capital_of(text: str) -> str | None:
    """The country whose capital ``text`` names: "Moscow" -> "Russia"."""
    return CAPITALS.get(fold(text).strip())


def demonym_forms(name: str) -> set[str]:
    """Adjectives English derives from a country's name: "Dravonia" -> "Dravonian", "Marisca" -> "Mariscan"."""
    stem = name[:-1] if name[-1:].lower() in "aeiouy" else name
    forms = {name + "n", name + "an", name + "ian", name + "i", name + "ese", name + "ish",
             stem + "ian", stem + "an", stem + "ese", stem + "i"}
    forms.discard(name)
    return forms


def is_title_word(word: str) -> bool:
    """Whether ``word`` is a person's title or job noun."""
    return fold(word) in TITLES
