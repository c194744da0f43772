"""What the demo learners wrote in their groups, and who answered them."""

from __future__ import annotations

from dataclasses import dataclass

from .learners import DUKENBURG_COHORT, ERIK, FATIMA, HATERT_COHORT, JEROEN, KARIN, MIRJAM
from .lessons import LESSONS
from .library import ANJA, GERRIT, HANS, MARK

LESSON_1, LESSON_2, LESSON_3, LESSON_4, _, LESSON_6, _TEST = LESSONS

AFTER_SCENARIO_PROMPT = "Wat neem je mee?"


def _at(local: str) -> str:
    return f"{local}@demo.kantelwerk.nl"


@dataclass(frozen=True)
class Reply:
    author: str
    body: str
    hours_later: int


@dataclass(frozen=True)
class Written:
    """A reflection: at a lesson's prompt (lesson) or after an attempt (scenario, attempt)."""

    author: str
    body: str
    shared: bool = True
    lesson: str = ""
    scenario: str = ""
    attempt: int = 0
    replies: tuple[Reply, ...] = ()


HATERT = [
    Written(
        FATIMA,
        "Bij het scenario van Anja herkende ik veel. Ik ben zelf maatje van een meneer met "
        "dementie, en eerlijk gezegd let ik bijna nooit op zijn vrouw. Ik kom voor hem, dus ik "
        "praat met hem.\n\n"
        "Volgende week ga ik eerst even met haar koffie drinken en vragen hoe het met háár "
        "gaat. Wat ik wel lastig vind: als ze dan zegt dat het zwaar is, wat moet ik dan? Ik "
        "ben geen hulpverlener.",
        scenario=ANJA,
        replies=(
            Reply(
                JEROEN,
                "Mooi dat je dit opschrijft, Fatima. Je hoeft het ook niet op te lossen. "
                "Luisteren is al heel veel. Maak je je zorgen? Bel mij of iemand anders van "
                "het wijkteam gerust. Dan kijken we samen, met haar toestemming, wie er kan "
                "helpen.",
                20,
            ),
            Reply(
                KARIN,
                "Dit is precies presentie: je ziet de mantelzorger, niet alleen Joop. Je vraag "
                "'wat moet ik dan?' nemen we mee naar de volgende bijeenkomst. Dan oefenen we "
                "hoe je samen met de mantelzorger kijkt wie er in haar eigen kring kan helpen.",
                46,
            ),
        ),
    ),
    Written(
        JEROEN,
        "Ik heb Mark twee keer gespeeld. De eerste keer had ik binnen twee stappen De Hooiberg "
        "aangevraagd. Zo gaat het in het echt soms ook: de vraag is duidelijk, het is druk, "
        "dus je regelt het maar.\n\n"
        "De tweede keer vroeg ik door over Sem en over Henk van de moestuin. Toen kwam er een "
        "heel ander plan uit, waarin Mark zelf veel meer doet. In de nabespreking zag ik dat "
        "de vrijwilligers in onze groep veel vaker naar het netwerk vroegen dan wij als "
        "beroepskrachten. Dat neem ik mee naar ons teamoverleg.",
        scenario=MARK,
        attempt=1,
        replies=(
            Reply(
                _at("henk"),
                "Herkenbaar! Als vrijwilliger kom je bij mensen thuis en hoor je gewoon wie er "
                "langskomt. Dan vraag je daar vanzelf naar.",
                5,
            ),
            Reply(
                _at("sanne"),
                "Goed punt voor het teamoverleg. Ik schrok er zelf ook van hoe snel ik richting "
                "een indicatie ging.",
                26,
            ),
        ),
    ),
    Written(
        MIRJAM,
        "Het gesprek met Hans lijkt erg op gesprekken die ik echt voer. Mensen zijn boos over "
        "een brief die wij hebben gestuurd. De eerste keer begon ik met de regels uit te "
        "leggen. Dat ging niet goed: Hans werd alleen maar bozer.\n\n"
        "Wat ik meeneem: eerst laten merken dat ik snap dat het om meer gaat dan schoonmaken. "
        "Ellen was ook gezelschap. Pas daarna leg ik het besluit uit, en dan wel duidelijk.",
        scenario=HANS,
        attempt=1,
        replies=(
            Reply(
                _at("pieter"),
                "Vorige week had ik precies zo'n gesprek. Wat mij helpt: niet met de brief "
                "beginnen, maar gewoon vragen hoe het gaat.",
                3,
            ),
            Reply(
                _at("yvonne"),
                "In het Alzheimer Café hoor ik vaak dat mensen zo'n brief niet snappen. Fijn "
                "om te lezen dat jullie er aan de andere kant ook mee bezig zijn.",
                30,
            ),
            Reply(
                KARIN,
                "Mooi, Mirjam. Let ook op het eind van het gesprek: Hans houdt het laatste "
                "woord over wat hij zelf met Ellen afspreekt. Ook dat hoort bij een goed "
                "uitgelegd besluit.",
                50,
            ),
        ),
    ),
    Written(
        _at("bram"),
        "Bij Gerrit wilde ik het meteen overnemen. Dat is mijn reflex: ik wil niet dat iemand "
        "tussen wal en schip valt. Maar daardoor stond Sandra buitenspel, terwijl zij juist "
        "contact met hem had. Ik ga vaker vragen: wat kun jij zelf blijven doen?",
        scenario=GERRIT,
        replies=(
            Reply(
                _at("thomas"),
                "Heel herkenbaar. In Dukenburg spreken we nu af dat de melder mee gaat bij het "
                "eerste bezoek. Dat scheelt een hoop.",
                28,
            ),
        ),
    ),
    Written(
        _at("henk"),
        "De ladder vond ik eerst een afvinklijstje. Maar bij Mark zag ik dat hij juist helpt "
        "om niet te snel te kiezen. Ik help mensen met hun post en formulieren. Vaak willen ze "
        "meteen ergens een aanvraag voor doen. Ik ga vaker vragen wie er in de familie ook "
        "handig is met papieren.",
        lesson=LESSON_2.slug,
        replies=(
            Reply(
                _at("linda"),
                "Mooi voorbeeld, Henk. En lukt het in de familie niet? Dan zijn jullie zelf "
                "een algemene voorziening. Dat vergeten we soms.",
                20,
            ),
        ),
    ),
    Written(
        _at("sanne"),
        "Mijn open vraag voor deze week: 'Hoe ziet een gewone week er bij u uit?' Ik merk dat "
        "ik vaak te snel naar uren en taken vraag. Ik ben benieuwd of ik nu andere dingen hoor.",
        lesson=LESSON_3.slug,
    ),
    Written(
        _at("rachid"),
        "Ik werk bij de gemeente aan werk en inkomen, niet aan de Wmo. Toch herken ik dit. "
        "Mensen denken vaak dat ze iets moeten terugdoen voor hun uitkering of hun zorg. Dat "
        "misverstand moeten we samen uit de wereld helpen, niet ieder op zijn eigen loket.",
        lesson=LESSON_1.slug,
    ),
    Written(
        _at("marieke"),
        "Ik ben zelf mantelzorger geweest voor mijn moeder. In het scenario koos ik ervoor om "
        "zelf vaker te komen. Zo deed ik het toen ook, en op het eind was ik helemaal op. Nu "
        "snap ik beter waarom je Bas erbij moet halen, hoe graag je ook zelf wilt helpen.",
        scenario=ANJA,
        replies=(
            Reply(
                _at("esra"),
                "Dank je voor het delen, Marieke. Juist door die ervaring zie jij wat een "
                "mantelzorger doormaakt.",
                8,
            ),
            Reply(
                KARIN,
                "Sterk dat je je eigen ervaring naast het scenario legt. 'Er zijn' is niet "
                "hetzelfde als 'alles zelf doen'. Die zin uit les 4 past hier precies bij.",
                40,
            ),
        ),
    ),
    Written(
        _at("nadia"),
        "Vindplaatsgericht werken doe ik als jongerenwerker al lang: ik sta op het plein, niet "
        "achter een bureau. Maar als er gedoe is, vergeet ik de positieve kant soms. Goed om te "
        "lezen dat je ook met humor en een praatje mag beginnen.",
        lesson=LESSON_4.slug,
        replies=(
            Reply(
                _at("gerard"),
                "In het buurthuis zie ik hetzelfde. Mensen die voor een klusje komen, blijven "
                "vaak nog even hangen voor een praatje. Dan hoor je de echte verhalen.",
                30,
            ),
        ),
    ),
    Written(
        _at("linda"),
        "Als ouderenadviseur krijg ik vaak de vraag: 'Waarom krijgt mijn buurvrouw het wel?' "
        "Dan noem ik snel 'de regels'. Na het gesprek met Riet wil ik het anders doen: "
        "uitleggen wat er in déze situatie anders is, zonder iets over de buurvrouw te "
        "zeggen.\n\n"
        "Voorstel voor de intervisie: we nemen allemaal een 'nee' mee dat we lastig vonden.",
        lesson=LESSON_6.slug,
        replies=(
            Reply(
                _at("pieter"),
                "Goed voorstel. Ik doe mee, en ik vraag een collega van de Toegang om ook te "
                "komen.",
                6,
            ),
            Reply(
                KARIN,
                "Ik zet het op de agenda van de volgende bijeenkomst. Neem allemaal één "
                "situatie mee, zonder namen.",
                22,
            ),
        ),
    ),
    Written(
        _at("kees"),
        "Bij de ladder dacht ik aan een meneer met dementie die ik begeleid. Wij zijn meteen "
        "met dagopvang begonnen. Zijn broer woont twee straten verder, maar daar hebben we "
        "nooit naar gevraagd.",
        shared=False,
        lesson=LESSON_2.slug,
    ),
    Written(
        _at("ilse"),
        "Als beleidsmedewerker schrijf ik de regels, maar ik zit nooit aan de keukentafel. "
        "Misschien moet ik eens met een consulent meegaan.",
        shared=False,
        lesson=LESSON_1.slug,
    ),
    Written(
        _at("thomas"),
        "De tweede keer ging het beter met Gerrit. Ik bleef Sandra erbij houden. Voor mezelf: "
        "ik wil vaker samen met de woningcorporatie op huisbezoek.",
        shared=False,
        scenario=GERRIT,
        attempt=1,
    ),
]

DUKENBURG = [
    Written(
        _at("joost"),
        "Bij Mark koos ik de eerste keer voor een plek in de wijk, omdat die dichterbij is. "
        "Dat was op zich goed, maar ik had niet gevraagd wat Sem voor hem betekent. De tweede "
        "keer wel, en toen maakte Mark zelf het plan.",
        scenario=MARK,
        attempt=1,
        replies=(
            Reply(
                _at("wendy"),
                "Dat vond ik ook het mooiste stuk. Het gaat eigenlijk niet om de boerderij, "
                "maar om zijn vriend.",
                10,
            ),
            Reply(
                ERIK,
                "Precies: de vraag achter de vraag. Daar gaan we in de volgende bijeenkomst "
                "mee oefenen.",
                30,
            ),
        ),
    ),
    Written(
        _at("anouk"),
        "Als wijkverpleegkundige hoor ik veel aan de keukentafel. Ik denk dat ik vaak al "
        "weet wat iemand nodig heeft voordat hij het zelf zegt. Dat wil ik afleren.",
        lesson=LESSON_1.slug,
        replies=(
            Reply(
                _at("ria"),
                "Eerlijk! Bij de gemeente hebben we dat ook. Dan ligt het formulier al klaar.",
                12,
            ),
        ),
    ),
    Written(
        _at("mohamed"),
        "Hans deed me denken aan mijn buurman. Die is ook boos op de gemeente, maar eigenlijk "
        "is hij vooral alleen.",
        shared=False,
        scenario=HANS,
    ),
]

REFLECTIONS = {HATERT_COHORT: HATERT, DUKENBURG_COHORT: DUKENBURG}
