"""Word lists for realistic Dutch, Belgian and German customers and Dutch/English products."""

from __future__ import annotations

FIRST_NAMES_MALE = (
    "Jan", "Pieter", "Daan", "Sem", "Lucas", "Thomas", "Bram", "Ruben", "Koen", "Jeroen",
    "Wouter", "Stijn", "Maarten", "Tim", "Jens", "Lars", "Arne", "Pieterjan", "Jonas", "Felix",
)
FIRST_NAMES_FEMALE = (
    "Anna", "Emma", "Sophie", "Julia", "Lotte", "Fleur", "Sanne", "Eva", "Lieke", "Marieke",
    "Ilse", "Noor", "Femke", "Els", "An", "Katrien", "Lien", "Hanna", "Lena", "Mia",
)
SURNAMES = {
    "NL": ("Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit", "Meijer",
           "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Dijk"),
    "BE": ("Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens",
           "Wouters", "De Smet", "Dubois", "Lambert", "Vermeulen", "Desmet", "Van Damme"),
    "DE": ("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
           "Schulz", "Hoffmann"),
}
STREETS = {
    "NL": ("Dorpsstraat", "Kerkstraat", "Schoolstraat", "Molenweg", "Stationsweg", "Julianalaan",
           "Beatrixstraat", "Prinsengracht", "Wilhelminastraat", "Nieuwstraat", "Parallelweg"),
    "BE": ("Kerkstraat", "Stationsstraat", "Dorpsstraat", "Molenstraat", "Nieuwstraat",
           "Rue de la Station", "Grote Markt", "Schoolstraat", "Kapelstraat", "Meir"),
    "DE": ("Hauptstraße", "Schulstraße", "Gartenstraße", "Bahnhofstraße", "Dorfstraße",
           "Bergstraße", "Lindenstraße"),
}
# (postal code prefix or full code, city): NL codes get two letters appended.
CITIES = {
    "NL": (("3511", "Utrecht"), ("1012", "Amsterdam"), ("3011", "Rotterdam"), ("2511", "Den Haag"),
           ("5611", "Eindhoven"), ("9711", "Groningen"), ("6811", "Arnhem"), ("7511", "Enschede"),
           ("4811", "Breda"), ("8011", "Zwolle"), ("6211", "Maastricht"), ("2011", "Haarlem")),
    "BE": (("2000", "Antwerpen"), ("9000", "Gent"), ("1000", "Brussel"), ("3000", "Leuven"),
           ("8000", "Brugge"), ("2800", "Mechelen"), ("3500", "Hasselt"), ("4000", "Liège"),
           ("8500", "Kortrijk")),
    "DE": (("10115", "Berlin"), ("50667", "Köln"), ("40213", "Düsseldorf"), ("20095", "Hamburg"),
           ("47051", "Duisburg"), ("48143", "Münster"), ("52062", "Aachen")),
}
LANGUAGE = {"NL": "nl", "BE": "nl-BE", "DE": "nl"}

# Product kinds, each (Dutch noun, English noun); the title adds an adjective and a brand.
PRODUCT_KINDS = (
    ("Theepot", "Teapot"), ("Koffiemok", "Coffee mug"), ("Snijplank", "Cutting board"),
    ("Fietslamp", "Bike light"), ("Rugzak", "Backpack"), ("Bureaulamp", "Desk lamp"),
    ("Waterfles", "Water bottle"), ("Telefoonhoesje", "Phone case"),
    ("Kussenhoes", "Cushion cover"),
    ("Plantenbak", "Planter"), ("Yogamat", "Yoga mat"), ("Koptelefoon", "Headphones"),
    ("Broodtrommel", "Lunch box"), ("Pennenset", "Pen set"), ("Fotolijst", "Photo frame"),
    ("Speelgoedauto", "Toy car"), ("Puzzel 1000 stukjes", "Jigsaw puzzle 1000 pieces"),
    ("Hondenriem", "Dog leash"), ("Sokken 5-pack", "Socks 5-pack"), ("Notitieboek", "Notebook"),
)
ADJECTIVES = (
    ("Rode", "Red"), ("Blauwe", "Blue"), ("Groene", "Green"), ("Zwarte", "Black"),
    ("Witte", "White"), ("Gele", "Yellow"), ("Grijze", "Grey"), ("Bamboe", "Bamboo"),
    ("Houten", "Wooden"), ("Stalen", "Steel"), ("Compacte", "Compact"), ("Luxe", "Deluxe"),
)
BRANDS = ("HaydiGO", "Noordkaap", "Lindeboom", "Polderpracht", "Zeewind", "Kaasboer", "Duinzicht")
