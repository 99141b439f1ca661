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

/// Sentences of realistic length for the blurbs of a realistic corpus (`generate_realistic`).
#[rustfmt::skip]
pub const BLURB_SENTENCES: &[&str] = &[
    "It opens with a {adj} figure for low strings that returns, slightly changed, in almost every scene that follows.",
    "Nobody expected a film about a {noun} to sound like this, and the record still surprises people who only know the posters.",
    "The orchestra is small, barely two dozen players, but the recording puts you in the middle of the room with them.",
    "Halfway through, a {adj} melody for solo piano arrives and the whole album seems to hold its breath around it.",
    "Some listeners find the electronic textures dated now; we think they are the most {adj} thing about it.",
    "The reissue restores almost twenty minutes of music that was cut from the original pressing for reasons nobody remembers.",
    "Played loud, the percussion in the final reel is as close to a {noun} as a soundtrack album gets.",
    "It was recorded in a week, largely live, and you can hear chairs creak and pages turn between the cues.",
    "The love theme is the obvious highlight, but the quieter material around it is where the real invention lives.",
    "Director and composer fought over the tone for months, and the compromise they reached is audible and oddly moving.",
    "There are echoes of older film music here, but nothing that feels borrowed rather than earned.",
    "A {adj} choir enters only in the last ten minutes, which makes its arrival feel enormous.",
    "The sleeve notes are worth reading too: they explain how the {noun} sound at the start was made with a bowed cymbal.",
    "It rarely goes where you expect, and when it finally resolves the effect is genuinely {adj}.",
    "Fans of the film will know every bar of it; newcomers should start with the third side and work outwards.",
    "The main motif is four notes long, and the score finds a new meaning for it in almost every scene.",
    "Critics at the time called it {adj}, which was meant as an insult and now reads like a compliment.",
    "The vinyl edition is the one to find, mostly for the artwork but also for a warmer, less compressed master.",
    "It sounds like a {noun} at dusk: wide, patient and a little unsettling once the light goes.",
    "What makes it work is restraint: long stretches of near silence, then a single {adj} chord that changes everything.",
    "The synthesiser parts were played by hand rather than sequenced, and the small wobbles are half the charm.",
    "Even the source music, the songs playing on radios and in bars, was chosen with unusual care.",
    "The expanded edition adds demos and alternate takes that show how the {noun} theme slowly took shape.",
    "It is a short album, barely forty minutes, and there is not a wasted cue in it.",
    "Listening to it away from the film, you notice how much of the story it tells on its own.",
    "Its influence is everywhere now, in trailers and television and in a dozen {adj} imitations.",
];

/// Sentences naming a track, for realistic blurbs; `{track}` is a quoted invented title.
#[rustfmt::skip]
pub const TRACK_SENTENCES: &[&str] = &[
    "The standout is “{track}”, a cue that builds from almost nothing to a full orchestral climax.",
    "Skip straight to “{track}” if you only have five minutes.",
    "“{track}” is the piece everyone hums on the way out of the cinema.",
];

/// Page furniture of a saved web page: navigation, related links, comments.
#[rustfmt::skip]
pub const NAV_LINKS: &[&str] = &[
    "Home", "News", "Reviews", "Features", "Lists", "Interviews", "Film", "Television", "Games",
    "Vinyl", "Podcasts", "Newsletter", "About", "Contact", "Subscribe", "Log in",
];

#[rustfmt::skip]
pub const COMMENTS: &[&str] = &[
    "Great list, but where is the {adj} {noun}? That one deserves a spot over half of these.",
    "I bought the reissue after reading this and it was worth every penny.",
    "Nice to see some less obvious picks in here. Bookmarked for the weekend.",
    "Disagree with the top pick, but I'll give it another listen.",
];
