//! Word lists for invented titles, names and blurbs (nothing here is copied from articles).

#[rustfmt::skip]
pub const NOUNS: &[&str] = &[
    "Harbor", "Garden", "Drive", "Moonlight", "River", "Shadow", "Mirror", "Winter", "Summer",
    "Island", "Forest", "Machine", "Empire", "Kingdom", "Station", "Horizon", "Lantern", "Orchard",
    "Circus", "Desert", "Ocean", "Signal", "Engine", "Frontier", "Harvest", "Labyrinth",
    "Lighthouse", "Meadow", "Monsoon", "Mountain", "Nocturne", "Outpost", "Palace", "Paradise",
    "Passage", "Pilgrim", "Prairie", "Prophet", "Quarry", "Rhapsody", "Satellite", "Sanctuary",
    "Serpent", "Skyline", "Sparrow", "Spiral", "Stranger", "Symphony", "Tempest", "Thunder", "Tide",
    "Tower", "Valley", "Voyage", "Wanderer", "Wilderness", "Window", "Wolf", "Cathedral",
    "Carnival", "Comet", "Compass", "Crown", "Dream", "Echo", "Falcon", "Fever", "Fire", "Glacier",
    "Ghost", "Heart", "Hunter", "Journey", "Knight", "Lake", "Legend", "Memory", "Midnight", "Mist",
    "Night", "Orbit", "Pearl", "Phantom", "Planet", "Rain", "Rose", "Saint", "Secret", "Silence",
    "Sky", "Star", "Storm", "Sun", "Train", "Tunnel", "Velvet", "Witness", "Zephyr", "Anchor",
    "Avalanche", "Badlands", "Bandit", "Beacon", "Blizzard", "Bridge", "Canyon", "Castle", "Cipher",
    "Cloud", "Coast", "Corridor", "Cowboy", "Dagger", "Dynasty", "Eclipse", "Ember", "Fortress",
    "Fountain", "Galaxy", "Gambit", "Harlequin", "Haven", "Highway", "Hollow", "Inferno", "Jungle",
    "Keeper", "Ladder", "Locomotive", "Marathon", "Mariner", "Matador", "Medusa", "Monolith",
    "Mosaic", "Nomad", "Oasis", "Oracle", "Panther", "Parade", "Pendulum", "Pilot", "Pirate",
    "Prism", "Raven", "Reef", "Relic", "Rider", "Ritual", "Ruins", "Sabre", "Scarecrow", "Sentinel",
    "Siren", "Sleeper", "Spectre", "Sphinx", "Stallion", "Summit", "Swan", "Talisman", "Tiger",
    "Torrent", "Tundra", "Typhoon", "Utopia", "Vagabond", "Vanguard", "Vertigo", "Volcano",
    "Warden", "Waterfall", "Whisper", "Zenith", "Café", "Fiancée", "Señorita", "Noël", "Façade",
    "Mañana", "Élan", "Cañon", "Soirée", "Protégé", "Débutante", "Crème", "Naïade", "Piñata",
    "Chateau", "Rendezvous", "Odyssey", "Requiem", "Serenade", "Lullaby", "Elegy",
];

#[rustfmt::skip]
pub const ADJECTIVES: &[&str] = &[
    "Silent", "Crimson", "Golden", "Hidden", "Broken", "Endless", "Frozen", "Burning", "Distant",
    "Electric", "Eternal", "Fallen", "Forgotten", "Gentle", "Hollow", "Iron", "Lonely", "Lost",
    "Midnight", "Northern", "Pale", "Quiet", "Restless", "Savage", "Scarlet", "Secret", "Shattered",
    "Silver", "Sleeping", "Southern", "Stolen", "Strange", "Sunken", "Twisted", "Wandering", "Wild",
    "Wicked", "Young", "Ancient", "Bitter", "Blue", "Bright", "Cold", "Dark", "Deep", "Emerald",
    "Faded", "Final", "Gilded", "Glass", "Grand", "Green", "Haunted", "Holy", "Infinite",
    "Invisible", "Last", "Little", "Long", "Mad", "Neon", "New", "Obsidian", "Painted", "Perfect",
    "Red", "Royal", "Sacred", "Second", "Sweet", "Tender", "Velvet", "Violet", "White", "Winter",
    "Black", "Bold", "Brave", "Cosmic", "Dusty", "Fierce", "Fragile", "Hungry", "Lucky", "Radiant",
    "Rusty", "Sapphire", "Solar", "Starry", "Éternel", "Über", "Dolce",
];

#[rustfmt::skip]
pub const VERBS: &[&str] = &[
    "Drive", "Follow", "Find", "Call", "Hold", "Save", "Take", "Kiss", "Leave", "Wake", "Burn",
    "Keep", "Chase",
];

#[rustfmt::skip]
pub const PLACES: &[&str] = &[
    "Paris", "Tokyo", "Havana", "Lisbon", "Vienna", "Cairo", "Memphis", "Dakota", "Marrakesh",
    "Reykjavík", "São Paulo", "Kraków", "Málaga", "Zürich", "Montréal", "Oslo", "Naples", "Berlin",
    "Bombay", "Seattle",
];

#[rustfmt::skip]
pub const GIVEN: &[&str] = &[
    "John", "Hans", "Ennio", "Bernard", "Jerry", "Howard", "James", "Alan", "Danny", "Michael",
    "Thomas", "Carter", "Hildur", "Jóhann", "Mica", "Jonny", "Nicholas", "Trent", "Atticus",
    "Clint", "Lisa", "Eleni", "Yoko", "Joe", "Wendy", "Bebe", "Louis", "Angelo", "Marco", "Justin",
    "Ramin", "Dario", "Alexandre", "Rachel", "Anne", "Colin", "Brian", "Daniel", "Terence", "Kyle",
    "Henry", "Christopher", "Kevin", "Jesse", "Tamara", "Sofia", "Yasunori", "Nobuo", "Koji",
    "Ólafur", "Zoë", "Renée", "Søren", "Björk", "Ramón",
];

#[rustfmt::skip]
pub const SURNAMES: &[&str] = &[
    "Harlow", "Brenner", "Castellano", "Fairweather", "Goldwyn", "Hargreave", "Ishikawa", "Jansen",
    "Kowalczyk", "Lindqvist", "Marchetti", "Nakamura", "Okonkwo", "Pemberly", "Quennell",
    "Rosenthal", "Sandoval", "Thorne", "Underwood", "Valdés", "Whitcombe", "Yamashita", "Zelenka",
    "Abernathy", "Bellweather", "Corvino", "Delacroix", "Eastwick", "Fennimore", "Gallagher",
    "Holloway", "Ivanova", "Jóhannsdóttir", "Karaindrou", "Lambrecht", "Montague", "Novák",
    "Oyelaran", "Petrakis", "Quintero", "Ravensworth", "Sørensen", "Tavernier", "Ulvaeus",
    "Vasquez", "Wojcik", "Xenakos", "Yardley", "Zimmerly", "Ashdown", "Blackwood", "Carrow",
    "Dvořáček", "Ellery", "Fontaine", "Guðmundsson", "Halvorsen", "Iglesia", "Jaramillo", "Kessler",
    "Lockhart", "Moreau", "Nørgaard", "Orlov", "Pascale", "Radcliffe", "Stavros", "Tremaine",
    "Umberti", "Villeneuve", "Wexley", "Yoshida", "Zanetti", "de Vries", "van Doorn", "de la Cruz",
    "van der Berg", "di Stefano", "McAllister", "O'Rourke", "Müller-Stahl",
];

#[rustfmt::skip]
pub const BLURB_OPENERS: &[&str] = &[
    "A {adj} score that lingers long after the credits roll.",
    "Few soundtracks feel as {adj} as this one.",
    "The main theme is {adj}, built on a single {noun} motif.",
    "Strings and synthesisers meet in a {adj} landscape of sound.",
    "It moves from {adj} quiet to full orchestral {noun}.",
    "The music carries the film when the dialogue falls silent.",
    "Listen to it alone and it still tells the whole story.",
    "Every cue feels like a {adj} {noun} seen from far away.",
];

#[rustfmt::skip]
pub const BLURB_MIDDLES: &[&str] = &[
    "The percussion never lets the tension drop.",
    "A choir appears only twice, and both moments land.",
    "Its quieter passages are the ones people remember.",
    "The album sequencing differs from the film, for the better.",
    "There is a {adj} waltz hidden in the middle of it.",
    "Critics at the time missed how {adj} it really was.",
];
