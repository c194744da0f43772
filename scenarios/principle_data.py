"""The principles of de Kanteling and the presentiebenadering, as plain data.

Used to seed the Principle snippets and to check the demo scenarios in
``demo/content/scenarios/``. No Django imports: this module is plain Python.

Each principle has a slug (used in scenario files), a family (``kanteling`` or
``presentie``), an order, and a name, short label (at most 24 characters) and
description in Dutch (B1 level, for learners) and in English.
"""

from __future__ import annotations

PRINCIPLES: list[dict] = [
    # --- Family: de Kanteling (the solution ladder of the Wmo) ---
    {
        "slug": "eigen-kracht",
        "family": "kanteling",
        "order": 1,
        "name_nl": "Eigen kracht",
        "short_label_nl": "Eigen kracht",
        "description_nl": (
            "De inwoner zoekt eerst zelf naar een oplossing. Je kijkt naar wat iemand "
            "zelf kan en wil, en niet alleen naar wat niet lukt. Jij helpt de inwoner "
            "om die kracht te gebruiken, in plaats van het over te nemen."
        ),
        "name_en": "Own strength",
        "short_label_en": "Own strength",
        "description_en": (
            "The resident first looks for a solution themselves. You look at what "
            "someone can and wants to do, not only at what does not work. You help "
            "the resident use that strength instead of taking over."
        ),
    },
    {
        "slug": "gebruikelijke-hulp",
        "family": "kanteling",
        "order": 2,
        "name_nl": "Gebruikelijke hulp en mantelzorg",
        "short_label_nl": "Gebruikelijke hulp",
        "description_nl": (
            "Mensen die samen in een huis wonen, helpen elkaar gewoon. Dat heet "
            "gebruikelijke hulp. Mantelzorg is de extra zorg die familie of vrienden "
            "geven; je bespreekt wat zij kunnen doen en wat voor hen te zwaar is."
        ),
        "name_en": "Usual help and informal care",
        "short_label_en": "Usual help",
        "description_en": (
            "People who live in the same house normally help each other; that is "
            "called usual help. Informal care (mantelzorg) is the extra care that "
            "family or friends give; you discuss what they can do and what is too "
            "heavy for them."
        ),
    },
    {
        "slug": "sociaal-netwerk",
        "family": "kanteling",
        "order": 3,
        "name_nl": "Sociaal netwerk",
        "short_label_nl": "Sociaal netwerk",
        "description_nl": (
            "Familie, vrienden, buren en kennissen kunnen vaak iets betekenen. Je "
            "zoekt samen met de inwoner wie er in zijn of haar kring is en wat die "
            "persoon kan doen. Om hulp vragen is niet makkelijk, dus je helpt daarbij."
        ),
        "name_en": "Social network",
        "short_label_en": "Social network",
        "description_en": (
            "Family, friends, neighbours and acquaintances can often help. Together "
            "with the resident you look at who is in their circle and what that "
            "person can do. Asking for help is not easy, so you support that step."
        ),
    },
    {
        "slug": "algemene-voorzieningen",
        "family": "kanteling",
        "order": 4,
        "name_nl": "Algemene voorziening vóór maatwerk",
        "short_label_nl": "Algemene voorzieningen",
        "description_nl": (
            "Een algemene voorziening is er voor iedereen in de wijk, zonder "
            "indicatie. Denk aan het buurthuis, een activiteit in de wijk of een "
            "vrijwilligersdienst. Eerst kijk je of zoiets past, en pas daarna naar "
            "een maatwerkvoorziening."
        ),
        "name_en": "General provisions before tailored ones",
        "short_label_en": "General provisions",
        "description_en": (
            "A general provision is open to everyone in the neighbourhood, without "
            "an assessment. Think of the community centre, a local activity or a "
            "volunteer service. You first check whether one of these fits, and only "
            "then look at a tailored provision."
        ),
    },
    {
        "slug": "vraag-achter-de-vraag",
        "family": "kanteling",
        "order": 5,
        "name_nl": "De vraag achter de vraag",
        "short_label_nl": "Vraag achter de vraag",
        "description_nl": (
            "Een inwoner vraagt vaak om een bepaalde voorziening. Maar achter die "
            "vraag zit een wens, een zorg of een probleem. Je vraagt door tot je "
            "begrijpt wat iemand echt nodig heeft."
        ),
        "name_en": "The question behind the question",
        "short_label_en": "Question behind question",
        "description_en": (
            "A resident often asks for a specific provision. Behind that request "
            "lies a wish, a worry or a problem. You keep asking until you understand "
            "what someone really needs."
        ),
    },
    {
        "slug": "maatwerk",
        "family": "kanteling",
        "order": 6,
        "name_nl": "Maatwerk",
        "short_label_nl": "Maatwerk",
        "description_nl": (
            "Een maatwerkvoorziening is alleen voor wat eigen kracht, het netwerk en "
            "algemene voorzieningen niet kunnen dragen. Twee mensen met dezelfde "
            "vraag kunnen dus een andere oplossing krijgen. Soms betekent maatwerk "
            "een duidelijk en goed uitgelegd 'nee'."
        ),
        "name_en": "Tailored support",
        "short_label_en": "Tailored support",
        "description_en": (
            "A tailored provision is only for what own strength, the network and "
            "general provisions cannot carry. Two people with the same request may "
            "therefore get a different solution. Sometimes tailored support means a "
            "clear, well-explained 'no'."
        ),
    },
    # --- Family: presentiebenadering (the presence model) ---
    {
        "slug": "presentie",
        "family": "presentie",
        "order": 7,
        "name_nl": "Presentie",
        "short_label_nl": "Presentie",
        "description_nl": (
            "Je bent echt aanwezig en de relatie komt eerst. Je stelt het oplossen "
            "van het probleem even uit, zodat de oplossing samen met de inwoner kan "
            "ontstaan. Je biedt je kennis aan, maar je legt niets op."
        ),
        "name_en": "Presence",
        "short_label_en": "Presence",
        "description_en": (
            "You are truly present and the relationship comes first. You hold back "
            "on solving the problem for a while, so the solution can grow together "
            "with the resident. You offer your knowledge, but you impose nothing."
        ),
    },
    {
        "slug": "nabijheid",
        "family": "presentie",
        "order": 8,
        "name_nl": "Nabijheid",
        "short_label_nl": "Nabijheid",
        "description_nl": (
            "Ondersteuning werkt het best dichtbij. Je kent de wijk en de mensen die "
            "er wonen en werken. Zo is hulp makkelijk te vinden en gebruik je de "
            "kracht van de buurt."
        ),
        "name_en": "Proximity",
        "short_label_en": "Proximity",
        "description_en": (
            "Support works best close by. You know the neighbourhood and the people "
            "who live and work there. That makes help easy to find and lets you use "
            "the strength of the neighbourhood."
        ),
    },
    {
        "slug": "vindplaatsgericht",
        "family": "presentie",
        "order": 9,
        "name_nl": "Vindplaatsgericht werken",
        "short_label_nl": "Vindplaatsgericht",
        "description_nl": (
            "Je zoekt mensen op waar ze zijn: thuis, op school, op straat, in het "
            "café of bij de sportclub. Je wacht niet tot iemand zelf de weg vindt. "
            "De leefwereld van de inwoner is je werkplek."
        ),
        "name_en": "Working where people are",
        "short_label_en": "Where people are",
        "description_en": (
            "You go to people where they are: at home, at school, on the street, in "
            "the café or at the sports club. You do not wait until someone finds "
            "their own way to you. The resident's daily life is your workplace."
        ),
    },
    {
        "slug": "positieve-benadering",
        "family": "presentie",
        "order": 10,
        "name_nl": "Positieve benadering",
        "short_label_nl": "Positieve benadering",
        "description_nl": (
            "Iemand hoeft geen probleem te hebben om aandacht te krijgen. Er is ook "
            "ruimte voor mooie verhalen, humor en een gewoon praatje. Je begint bij "
            "hoe de inwoner zelf naar zijn leven en kansen kijkt."
        ),
        "name_en": "Positive approach",
        "short_label_en": "Positive approach",
        "description_en": (
            "Someone does not need to bring a problem to get attention. There is "
            "room for good stories, humour and small talk. You start from how the "
            "residents themselves see their life and their chances."
        ),
    },
    {
        "slug": "integraal-werken",
        "family": "presentie",
        "order": 11,
        "name_nl": "Integraal werken",
        "short_label_nl": "Integraal werken",
        "description_nl": (
            "Je kijkt naar het hele leven van de inwoner, niet naar één probleem. Je "
            "werkt met de hele omgeving: familie, vrienden, buren en organisaties. "
            "Hulp en voorzieningen stem je op elkaar af."
        ),
        "name_en": "Integrated working",
        "short_label_en": "Integrated working",
        "description_en": (
            "You look at the resident's whole life, not at one problem. You work "
            "with the whole context: family, friends, neighbours and organisations. "
            "You align the different kinds of help with each other."
        ),
    },
    {
        "slug": "zelfregie",
        "family": "presentie",
        "order": 12,
        "name_nl": "Zelfregie",
        "short_label_nl": "Zelfregie",
        "description_nl": (
            "De inwoner houdt de regie over zijn of haar eigen leven. Jullie beslissen "
            "samen, en waar het kan heeft de inwoner het laatste woord. Jij steunt de "
            "keuzes die de inwoner maakt."
        ),
        "name_en": "Self-direction",
        "short_label_en": "Self-direction",
        "description_en": (
            "Residents stay in charge of their own life. You decide together, and "
            "where possible the resident has the last word. You support the choices "
            "the resident makes."
        ),
    },
    {
        "slug": "samenwerking",
        "family": "presentie",
        "order": 13,
        "name_nl": "Samenwerking",
        "short_label_nl": "Samenwerking",
        "description_nl": (
            "Je zoekt actief de samenwerking met inwoners, collega's en de gemeente. "
            "Elke professional kantelt mee: je schuift een vraag niet zomaar door naar "
            "het wijkteam. Samen ben je verantwoordelijk voor een goede oplossing."
        ),
        "name_en": "Cooperation",
        "short_label_en": "Cooperation",
        "description_en": (
            "You actively seek cooperation with residents, colleagues and the "
            "municipality. Every professional takes part in the shift: you do not "
            "simply pass a request on to the neighbourhood team. Together you share "
            "responsibility for a good solution."
        ),
    },
]
