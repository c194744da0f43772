"""The words of the demo course "De Kanteling in de praktijk": six lessons in B1 Dutch.

Blocks name principles by slug and scenarios by demo file name; course.py turns those
into the primary keys a StreamField stores.
"""

from __future__ import annotations

from dataclasses import dataclass

MARK = "dagbesteding-mark"
RIET = "huishoudelijke-hulp"
ANJA = "overbelaste-mantelzorger"
GERRIT = "doorgeschoven-casus"
HANS = "besluit-uitleggen"

COURSE_TITLE = "De Kanteling in de praktijk"
COURSE_SLUG = "de-kanteling-in-de-praktijk"
COURSE_SUMMARY = (
    "Wat betekent de Kanteling voor jouw werk met inwoners? In zes korte lessen leer je "
    "kijken naar eigen kracht, naar de mensen om iemand heen en naar wat de wijk te bieden "
    "heeft. Je oefent keukentafelgesprekken in scenario's en je bespreekt wat je leert met "
    "je leergroep. Beroepskrachten, vrijwilligers en medewerkers van de gemeente volgen de "
    "cursus samen. Zo bouw je aan één manier van kijken."
)
COURSE_STUDY_HOURS = 8
INDEX_TITLE = "Cursussen"
INDEX_SLUG = "cursussen"
INDEX_INTRO = (
    "<p>Cursussen over de Kanteling en het presentiemodel. Je leert samen met "
    "beroepskrachten, vrijwilligers en medewerkers van de gemeente, in een leergroep.</p>"
)

Block = dict


def text(html: str) -> Block:
    """Return a rich text block."""
    return {"type": "text", "value": html}


def principle(slug: str, note: str) -> Block:
    """Return a principle callout; the slug becomes the principle's key in course.py."""
    return {"type": "principle", "value": {"principle": slug, "note": note}}


def scenario(name: str, introduction: str) -> Block:
    """Return a scenario block; the demo file name becomes the page's key in course.py."""
    return {"type": "scenario", "value": {"scenario": name, "introduction": introduction}}


def quote(words: str, attribution: str = "") -> Block:
    """Return a quote block."""
    return {"type": "quote", "value": {"quote": words, "attribution": attribution}}


def reflection(prompt: str) -> Block:
    """Return a reflection prompt."""
    return {"type": "reflection", "value": {"prompt": prompt}}


@dataclass(frozen=True)
class Lesson:
    slug: str
    title: str
    intro: str
    body: tuple[Block, ...]

    @property
    def scenario(self) -> str:
        return next(b["value"]["scenario"] for b in self.body if b["type"] == "scenario")

    @property
    def prompt(self) -> str:
        return next(b["value"]["prompt"] for b in self.body if b["type"] == "reflection")


LESSON_1 = Lesson(
    slug="van-eisende-naar-participerende-burger",
    title="Van eisende naar participerende burger",
    intro=(
        "Wat verandert er als een inwoner niet meer begint bij een recht op zorg, maar bij "
        "wat hij zelf en met anderen kan? En wat vraagt dat van jou?"
    ),
    body=(
        text(
            "<h2>Wat is de Kanteling?</h2>"
            "<p>Vroeger ging het vaak zo: een inwoner vroeg een voorziening aan, bijvoorbeeld "
            "hulp in het huishouden. De gemeente keek of hij aan de regels voldeed. Zo ja, dan "
            "kreeg hij de hulp. Wie aan de voorwaarden voldeed, had er recht op. We noemen dat "
            "wel de <i>eisende burger</i>.</p>"
            "<p>Met de Wmo, de Wet maatschappelijke ondersteuning, is dat anders geworden. Die "
            "verandering heet de Kanteling. Een inwoner heeft niet meer zomaar recht op een "
            "voorziening. Hij heeft wel recht op een oplossing. Die oplossing zoekt hij eerst "
            "zelf, en daarna samen met de mensen om hem heen. Dat noemen we de "
            "<i>participerende burger</i>: iemand die meedoet en zelf ook iets inbrengt.</p>"
        ),
        principle(
            "eigen-kracht",
            "Eigen kracht is het eerste waar je naar kijkt: wat kan iemand zelf, en wat wil "
            "hij zelf? Niet omdat dat goedkoper is, maar omdat mensen de baas willen blijven "
            "over hun eigen leven.",
        ),
        text(
            "<h2>Wat betekent dat voor jou?</h2>"
            "<p>Als we inwoners vragen om eerst zelf te zoeken, dan moeten wij ons aanbod "
            "ook aanpassen. Onze hulp sluit aan bij wat overblijft: bij wat iemand niet zelf "
            "en niet met zijn eigen kring kan oplossen. Een standaardpakket past daar niet bij. "
            "Het sluit niet aan bij de vraag, en het regelt soms dingen die al geregeld zijn.</p>"
            "<p>Dat geldt voor iedereen die met inwoners werkt: de wijkverpleegkundige, de "
            "maatschappelijk werker, de consulent van de gemeente en de vrijwilliger. Daarom "
            "volg je deze cursus in een gemengde groep. Zo bouw je samen aan één manier van "
            "kijken. Dat heet ook wel een gedeeld <i>referentiekader</i>.</p>"
        ),
        quote("Niet: waar heeft u recht op? Maar: wat heeft u nodig, en wie kan daarbij helpen?"),
        text(
            "<h3>Geen bezuiniging in een mooi jasje</h3>"
            "<p>Eigen kracht betekent niet: zoek het zelf maar uit. En wederkerigheid "
            "betekent niet: eerst vrijwilligerswerk doen, dan pas hulp. Zulke misverstanden "
            "maken mensen boos en onzeker. Het gaat erom dat iemand zo veel mogelijk zelf de "
            "regie houdt over zijn leven, samen met de mensen die bij hem horen.</p>"
            "<p>Voor veel inwoners is de verandering groot. Soms verliezen ze hulp die ze "
            "jarenlang hadden. Niet iedereen vindt dat een goed idee. Een heldere uitleg, "
            "toegepast op iemands eigen situatie, is daarom een belangrijk deel van het "
            "werk.</p>"
        ),
        principle(
            "zelfregie",
            "De inwoner heeft het laatste woord over zijn eigen leven, behalve in bijzondere "
            "situaties. Jij denkt mee en biedt iets aan. Je legt niets op.",
        ),
        scenario(
            HANS,
            "Hans (74) hoort dat zijn hulp in het huishouden stopt. Hij is boos en denkt dat "
            "hij iets terug moet doen voor zorg. Jij legt het besluit uit. Het scenario is "
            "geschreven voor medewerkers van de gemeente, maar iedereen kan het spelen: hoe "
            "zou jij het doen?",
        ),
        reflection(
            "Denk aan een gesprek met een inwoner die iets kwam 'halen'. Wat zou er anders "
            "gaan als je begint bij wat hij zelf en met anderen kan?"
        ),
    ),
)

LESSON_2 = Lesson(
    slug="de-oplossingsladder",
    title="De oplossingsladder",
    intro=(
        "Eerst kijken wat iemand zelf kan, dan wie er om hem heen staan, en pas daarna wat de "
        "gemeente regelt. In deze les leer je die volgorde kennen: de oplossingsladder."
    ),
    body=(
        text(
            "<h2>Zes treden, van onder naar boven</h2>"
            "<p>Bij elke vraag om ondersteuning loop je samen met de inwoner een vaste "
            "volgorde langs. Die volgorde heet de oplossingsladder. Je begint onderaan. Je gaat "
            "pas een tree hoger als de tree eronder niet genoeg is.</p>"
            "<ol>"
            "<li><b>Eigen kracht</b>: wat kan iemand zelf, misschien op een andere manier dan "
            "vroeger?</li>"
            "<li><b>Gebruikelijke hulp</b>: wat huisgenoten normaal voor elkaar doen. "
            "Bijvoorbeeld een partner die kookt of de boodschappen doet.</li>"
            "<li><b>Mantelzorg</b>: zorg die iemand uit de eigen kring vrijwillig en voor "
            "langere tijd geeft, meer dan gebruikelijk is.</li>"
            "<li><b>Sociaal netwerk</b>: familie, vrienden, buren, de club, de kerk of de "
            "moskee.</li>"
            "<li><b>Algemene voorzieningen</b>: hulp in de wijk die voor iedereen open staat, "
            "zonder indicatie. Denk aan de klussendienst, de inloop in het buurthuis of de "
            "maaltijdservice.</li>"
            "<li><b>Maatwerkvoorziening</b>: hulp die de gemeente speciaal voor deze persoon "
            "inzet, zoals huishoudelijke hulp of dagbesteding.</li>"
            "</ol>"
        ),
        principle(
            "gebruikelijke-hulp",
            "Vraag eerst wat huisgenoten gewoon voor elkaar doen. Dat is geen extra last, maar "
            "samen een huishouden voeren.",
        ),
        principle(
            "sociaal-netwerk",
            "Vraag niet alleen: 'Is er iemand die kan helpen?' Vraag door naar namen. Wie komt "
            "er over de vloer? Wie belt er weleens?",
        ),
        text(
            "<h2>Maatwerk is voor wat overblijft</h2>"
            "<p>Een maatwerkvoorziening is niet verkeerd. Soms is het precies wat nodig is. "
            "Maar het is de bovenste tree. Iemand krijgt het alleen als hij met de treden "
            "eronder niet kan meedoen of zich niet kan redden.</p>"
            "<p>Dat betekent ook: twee mensen met dezelfde vraag kunnen een andere oplossing "
            "krijgen. De een heeft een dochter om de hoek, de ander niet. Dat is niet "
            "oneerlijk. Dat is maatwerk.</p>"
            "<h3>Maatwerk is niet altijd de eerste wens</h3>"
            "<p>Maatwerk betekent ook niet dat iemand altijd krijgt wat hij het liefst wil. "
            "Neem een jongvolwassene met een verstandelijke beperking die dagbesteding nodig "
            "heeft. Hij wil graag naar een zorgboerderij buiten de stad. Past een activiteit in "
            "de eigen wijk ook goed? Dan kan de gemeente voor die plek dichtbij kiezen. Dat "
            "scheelt reistijd en reiskosten, en hij blijft dicht bij zijn eigen mensen.</p>"
            "<p>Kijk wel eerst goed wat de wens betekent. Waarom wil hij juist daarheen? Vaak "
            "zit daar iets waardevols achter, dat je ook op een andere manier kunt vinden.</p>"
        ),
        principle(
            "algemene-voorzieningen",
            "Ken je wijk. Een klussendienst of een inloop in het buurthuis kan meer opleveren "
            "dan een indicatie. Mensen ontmoeten er ook elkaar.",
        ),
        scenario(
            MARK,
            "Mark (23) wil naar zorgboerderij De Hooiberg, waar zijn vriend Sem ook naartoe "
            "gaat. Loop met hem de ladder langs. Let op: de ladder is geen afvinklijst. Het "
            "gaat om Mark.",
        ),
        reflection(
            "Denk aan een inwoner die je kent (noem geen naam). Op welke tree van de ladder "
            "begon jullie gesprek? Op welke tree had het kunnen beginnen?"
        ),
    ),
)

LESSON_3 = Lesson(
    slug="het-keukentafelgesprek",
    title="Het keukentafelgesprek en de vraag achter de vraag",
    intro=(
        "Een keukentafelgesprek is geen intake en geen toets. Het is een open gesprek, vaak "
        "bij iemand thuis, om samen te ontdekken wat er echt nodig is."
    ),
    body=(
        text(
            "<h2>Wat is een keukentafelgesprek?</h2>"
            "<p>Vroeger toetste een consulent vooral: wat vraagt iemand aan, en voldoet hij "
            "aan de voorwaarden? Nu ga je in gesprek. Vaak letterlijk aan de keukentafel, bij "
            "iemand thuis. Je kijkt naar het hele leven van de inwoner. Wat gaat goed? Wat is "
            "moeilijk? Wie zijn er om hem heen?</p>"
            "<p>Daarvoor laat je je eigen vak even los. Aan tafel ben je geen specialist in "
            "huishoudelijke hulp of in schulden. Je bent een generalist: iemand die breed kijkt "
            "en goed luistert.</p>"
        ),
        principle(
            "vraag-achter-de-vraag",
            "Mensen komen vaak met een oplossing. Jij zoekt samen met hen naar wat er achter "
            "die oplossing zit.",
        ),
        text(
            "<h2>De vraag achter de vraag</h2>"
            "<p>'Ik wil huishoudelijke hulp.' 'Ik wil een scootmobiel.' Dat is de vraag. Maar "
            "waar gaat het echt om? Misschien voelt iemand zich eenzaam sinds de hulp stopte. "
            "Misschien wil iemand gewoon zelf naar de markt kunnen. Dat is de vraag achter de "
            "vraag.</p>"
            "<p>Je vindt die vraag met open vragen. Bijvoorbeeld: 'Hoe ziet een gewone week "
            "eruit?' of 'Wat zou u missen als dit niet lukt?' En door af en toe stil te zijn. "
            "In de stilte zegt iemand vaak het belangrijkste.</p>"
        ),
        quote(
            "Wie binnenkomt met een oplossing, heeft vaak een vraag die nog niemand heeft gesteld."
        ),
        text(
            "<h2>Soms is het antwoord 'nee'</h2>"
            "<p>Een goed gesprek kan ook eindigen met 'nee'. Bijvoorbeeld omdat de partner, de "
            "familie en de wijk samen al veel kunnen oplossen. Dat heet een gemotiveerd 'nee'. "
            "Je zegt duidelijk wat je niet doet. Je legt uit waarom, met de dingen die de "
            "inwoner zelf heeft verteld. En je laat de deur open.</p>"
            "<ul>"
            "<li>Wees duidelijk. 'Dat weet ik nog niet' geeft onrust.</li>"
            "<li>Leg uit. Verschuil je niet achter 'de regels'.</li>"
            "<li>Spreek af wanneer je terugkomt, of hoe iemand je kan bereiken.</li>"
            "</ul>"
        ),
        principle(
            "maatwerk",
            "Een helder en uitgelegd 'nee' hoort bij maatwerk. Het laat zien dat je naar deze "
            "persoon hebt gekeken, en niet naar een lijstje.",
        ),
        scenario(
            RIET,
            "Riet (76) heeft de longziekte COPD en vraagt huishoudelijke hulp. Haar man Wim zit "
            "naast haar. Zoek samen met hen naar wat er echt nodig is, en durf een duidelijk "
            "antwoord te geven.",
        ),
        reflection(
            "Welke open vraag ga jij deze week stellen in een gesprek met een inwoner? Wat "
            "hoop je te horen?"
        ),
    ),
)

LESSON_4 = Lesson(
    slug="presentie",
    title="Presentie: er zijn voor iemand",
    intro=(
        "Eerst de relatie, dan het probleem. In deze les leer je wat presentie is, en hoe je "
        "er bent voor iemand zonder meteen te gaan oplossen."
    ),
    body=(
        text(
            "<h2>Eerst de relatie</h2>"
            "<p>In het presentiemodel staat de relatie voorop. Je neemt de tijd om iemand te "
            "leren kennen. Het oplossen van problemen zet je even opzij, zolang dat "
            "verantwoord is. De oplossing ligt nog niet vast. Die ontstaat in een gesprek dat "
            "je samen met de inwoner en zijn huishouden voert.</p>"
            "<p>Dat is anders dan de bekende route van aanmelding, intake, diagnose en een "
            "plan met afspraken. Het vraagt geduld. Maar het levert vaak iets op wat een "
            "formulier niet vindt.</p>"
        ),
        principle(
            "presentie",
            "Je bent aanwezig en je let op. Je zoekt ook mensen op die zelf de weg niet "
            "vinden. Je biedt kennis aan, maar de inwoner kiest.",
        ),
        text(
            "<h2>Vier kenmerken</h2>"
            "<h3>Nabijheid</h3>"
            "<p>Ondersteuning werkt het best dichtbij. Als je de wijk kent, weet je wie er "
            "wonen en werken, en wat er te doen is. En mensen vinden jou makkelijker.</p>"
            "<h3>Vindplaatsgericht werken</h3>"
            "<p>Wacht niet tot mensen naar het loket komen. Ga naar de plekken waar ze zijn: "
            "thuis, op school, op straat, in het buurthuis of bij de sportclub.</p>"
            "<h3>Positieve benadering</h3>"
            "<p>Een inwoner hoeft geen probleem te hebben om aandacht te krijgen. Er is ook "
            "ruimte voor mooie verhalen, voor humor en voor gewoon even kletsen. Wat gaat er "
            "goed? Waar is iemand trots op? Daar begin je mee.</p>"
            "<h3>Zelfregie</h3>"
            "<p>Wat je samen doet, beslis je in overleg. De inwoner heeft het laatste woord. "
            "Alleen in bijzondere situaties is dat anders, bijvoorbeeld als iemands veiligheid "
            "in gevaar is.</p>"
        ),
        principle(
            "positieve-benadering",
            "Begin bij wat goed gaat. Wie zich gezien voelt, vertelt ook makkelijker wat "
            "moeilijk is.",
        ),
        quote("Eerst de relatie, dan het probleem.", "Samengevat uit het presentiemodel"),
        text(
            "<h2>Ook als vrijwilliger</h2>"
            "<p>Als vrijwilliger ben je vaak heel dichtbij. Je komt elke week, je kent de "
            "mensen en hun huis. Daardoor zie je dingen die een beroepskracht niet ziet. "
            "Bijvoorbeeld dat een mantelzorger uitgeput is. Presentie betekent ook: oog hebben "
            "voor de mensen naast de persoon voor wie je komt.</p>"
            "<p>Er zijn is niet hetzelfde als alles zelf doen. Je hoeft niet elk gat te vullen. "
            "Soms is de beste hulp: luisteren, en daarna samen bedenken wie er nog meer kan "
            "helpen.</p>"
        ),
        scenario(
            ANJA,
            "Je bent maatje van Joop en komt elke dinsdag met hem wandelen. Vandaag doet zijn "
            "vrouw Anja doodmoe open. Dit scenario is geschreven voor vrijwilligers. Ben je "
            "beroepskracht? Speel het ook: kijk jij naar de mantelzorger?",
        ),
        reflection(
            "Wanneer was jij er voor iemand zonder meteen iets op te lossen? Wat deed dat met "
            "het gesprek?"
        ),
    ),
)

LESSON_5 = Lesson(
    slug="samenwerken-in-het-sociaal-wijkteam",
    title="Samenwerken in en rond het sociaal wijkteam",
    intro=(
        "Het sociaal wijkteam moet de wijk in beweging brengen, niet alle lastige vragen "
        "overnemen. In deze les gaat het over samenwerken met inwoners, met collega's en met "
        "organisaties in de wijk."
    ),
    body=(
        text(
            "<h2>Wat doet een sociaal wijkteam?</h2>"
            "<p>In een sociaal wijkteam werken mensen van de gemeente, van welzijnsorganisaties "
            "en van zorgorganisaties samen. Het team kent de wijk. Het heeft contact met "
            "iedereen die er werkt: in wonen, zorg, welzijn, onderwijs, werk en inkomen, en "
            "veiligheid.</p>"
            "<p>Het team is een <i>aanjager</i>. Het brengt samen met inwoners en andere "
            "professionals dingen in beweging. Het gaat uit van wat mensen zelf kunnen en van "
            "oplossingen in hun eigen netwerk. En het helpt problemen te voorkomen, "
            "bijvoorbeeld met een eenvoudige toegang tot voorzieningen in de wijk.</p>"
        ),
        principle(
            "samenwerking",
            "Zoek actief de samenwerking op, met de inwoner en met collega's. Ieder heeft zijn "
            "eigen taken, maar de verantwoordelijkheid is gedeeld.",
        ),
        text(
            "<h2>Een vliegwiel, geen nieuw loket</h2>"
            "<p>Er is een risico. Het wijkteam kan een nieuw soort loket worden: de plek waar "
            "alle lastige casussen naartoe gaan, omdat 'zij toch integraal werken'. Dan doet "
            "het team alles, en verandert de rest van de wijk niet.</p>"
            "<p>Een vliegwiel werkt anders. Het wijkteam helpt collega's om zelf anders te "
            "werken. De woonconsulent, de wijkagent, de huisarts en de vrijwilliger: iedereen "
            "kantelt. Natuurlijk heeft ieder zijn eigen vak. Een wijkagent is geen "
            "wijkverpleegkundige. Maar iedereen kijkt wat hij zelf kan doen, ook aan de rand "
            "van zijn eigen taken.</p>"
        ),
        quote("Het wijkteam is niet het antwoord. Elke professional kantelt."),
        principle(
            "integraal-werken",
            "Kijk naar de hele situatie: familie, buren, organisaties. En stem af, zodat de "
            "inwoner één plan heeft en niet vijf.",
        ),
        text(
            "<h2>Eén plan, één regisseur</h2>"
            "<p>Zijn er meerdere mensen betrokken bij één huishouden? Maak dan samen één plan, "
            "en spreek af wie de regie houdt. Dat hoeft niet de gemeente te zijn. Vaak is het "
            "degene die de inwoner het best kent, of die de hulp geeft die het meest past. Zo "
            "voorkom je dubbel werk, en weet de inwoner bij wie hij terecht kan.</p>"
            "<h3>Vragen als een collega een inwoner bij je aanmeldt</h3>"
            "<ul>"
            "<li>Wat weet jij al van deze inwoner, en wat gaat er goed?</li>"
            "<li>Wie heeft nu contact met hem, en wie vertrouwt hij?</li>"
            "<li>Wat kun jij zelf blijven doen, en waarbij heb je ons nodig?</li>"
            "<li>Wanneer bellen we elkaar weer?</li>"
            "</ul>"
        ),
        scenario(
            GERRIT,
            "Sandra van de woningcorporatie wil meneer De Boer 'op de lijst van het wijkteam' "
            "zetten. Hoe zorg je dat Sandra betrokken blijft, en dat Gerrit niet weer een nieuw "
            "gezicht krijgt?",
        ),
        reflection(
            "Heb jij weleens een casus doorgeschoven, of kreeg je er een doorgeschoven? Wat "
            "had jij of je collega zelf kunnen blijven doen?"
        ),
    ),
)

LESSON_6 = Lesson(
    slug="willekeur-voorkomen",
    title="Willekeur voorkomen: samen leren",
    intro=(
        "Maatwerk betekent dat mensen met dezelfde vraag een andere oplossing kunnen krijgen. "
        "Hoe blijft dat eerlijk? Door samen te leren, en door te denken in gewenste en minder "
        "gewenste oplossingen."
    ),
    body=(
        text(
            "<h2>Het risico van maatwerk</h2>"
            "<p>Als je naar de persoon kijkt in plaats van naar een lijst met regels, heb je "
            "meer ruimte. Dat is goed. Maar er is ook een risico: willekeur. Dan hangt de "
            "oplossing meer af van wie er aan tafel zit dan van de situatie van de inwoner.</p>"
            "<p>Dat is geen reden om niet gekanteld te werken. Daarvoor zijn de voordelen te "
            "groot. Maar je moet er wel iets aan doen. En dat doe je samen.</p>"
        ),
        principle(
            "maatwerk",
            "Maatwerk is geen willekeur als je kunt uitleggen waarom deze oplossing bij deze "
            "persoon past.",
        ),
        text(
            "<h2>Gewenst en minder gewenst, niet goed of fout</h2>"
            "<p>Na elke keuze in een scenario zie je of die keuze gewenst, acceptabel of "
            "minder gewenst is. We zeggen bewust niet 'goed' of 'fout'. Aan de keukentafel is "
            "er zelden één juist antwoord. Wel passen sommige keuzes beter bij de Kanteling "
            "dan andere.</p>"
            "<p>Zo kijk je ook naar je eigen werk en dat van je collega's: niet om af te "
            "rekenen, maar om te leren. Een organisatie die zo werkt, heet een lerende "
            "organisatie. Er ontstaat een open sfeer en een gedeeld beeld van hoe je met "
            "inwoners omgaat. Daardoor wordt willekeur kleiner. Ook goed bijhouden wat je doet "
            "en wat het oplevert helpt daarbij.</p>"
        ),
        quote("Niet: wie had er gelijk? Maar: waarom kozen we verschillend?"),
        text(
            "<h2>Intervisie: leren van elkaar</h2>"
            "<p>Intervisie is een vaste bijeenkomst met collega's. Eén persoon brengt een "
            "situatie uit het werk in. De anderen stellen vragen en denken mee. Niet met "
            "oordelen, maar met vragen als: 'Wat woog voor jou het zwaarst?' en 'Wat zou je "
            "een volgende keer anders doen?'</p>"
            "<p>In een gemengde groep werkt dat extra goed. Een vrijwilliger ziet andere "
            "dingen dan een wijkverpleegkundige of een Wmo-consulent. In de nabespreking van "
            "een scenario zie je per stap hoe jullie groep koos, per rol. Gebruik dat als "
            "begin van een intervisiegesprek.</p>"
            "<h3>Ruimte om te leren</h3>"
            "<p>Nieuwe vaardigheden leer je niet in één keer. Je mag fouten maken. "
            "Leidinggevenden geven je rugdekking, ook als je een moeilijke boodschap moet "
            "brengen. En soms is de beste hulp: op je handen zitten, en de inwoner en de wijk "
            "het zelf laten oplossen.</p>"
        ),
        principle(
            "samenwerking",
            "Samen leren is ook samenwerken. Bespreek je keuzes met collega's uit andere "
            "organisaties en met vrijwilligers.",
        ),
        scenario(
            RIET,
            "Speel het gesprek met Riet nog een keer. Let op het moment dat ze zegt: 'Lies "
            "krijgt het wel.' Hoe leg je uit dat dezelfde vraag een andere oplossing kan "
            "krijgen? Vergelijk daarna je route met die van iemand uit je groep.",
        ),
        reflection(
            "Kies een stap uit een scenario waarover jullie groep verschillend dacht. Wat "
            "maakte dat jullie anders kozen? Wat spreken jullie af voor de praktijk?"
        ),
    ),
)

LESSONS = (LESSON_1, LESSON_2, LESSON_3, LESSON_4, LESSON_5, LESSON_6)
