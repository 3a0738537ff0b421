/**
 * Word beginnings without which no rule can match. Most chat messages contain none of them,
 * and for those the detector stops after normalizing, one cheap scan instead of every rule.
 *
 * When a rule is added, the words it needs must be here (or start with something here); the
 * test "the quick path never changes a result" runs the labelled set both ways to catch a gap.
 */
const stems = [
  // English
  "die", "dying", "dead", "death", "kill", "kms", "end", "life", "live", "living", "alive", "exist", "suicid", "unaliv",
  "ctb", "sh", "self", "harm", "hurt", "cut", "burn", "bleed", "scratch", "punch", "hit", "starv", "bruis", "mutilat",
  "carv", "pill", "tablet", "med", "painkiller", "paracetamol", "tylenol", "ibuprofen", "insulin", "overdos", "od",
  "rope", "noose", "gun", "pistol", "blade", "razor", "bleach", "bridge", "ledge", "edge", "roof", "railing", "track",
  "cliff", "balcony", "goodbye", "farewell", "note", "letter", "burden", "better", "happier", "easier", "wak", "born",
  "disappear", "vanish", "gone", "be here", "being here", "not here", "wasnt here", "werent here", "right here",
  "be around", "wasnt around", "go on", "going on", "keep going", "carry on", "point", "reason", "purpose", "worth",
  "attempt", "relaps", "surviv", "make it", "last the night", "last much", "forever", "delet", "jump", "hang", "slit",
  "drown", "poison", "gas", "shoot", "throw", "slash", "step in", "stop", "be over", "out of", "way out", "ways to", "way to",
  "best way", "ways of", "way of", "option", "drive my car", "driving my car", "crash", "drive into", "drive off",
  "driving into", "driving off", "wont need", "will not need", "dont need", "wouldnt need", "be needing", "how many",
  "how much", "how high", "how tall", "how far", "how long", "lethal", "fatal", "method", "nobody", "no one", "noone",
  "no body", "miss me", "hate being", "hate existing", "hate that i", "hate waking", "why am i", "why should i",
  "why would i", "this world", "something stupid", "something drastic", "something final", "something i cant",
  "cause i do", "because i do", "cuz i do", "coz i do", "bc i do", "scared of", "afraid of", "frightened of", "terrified of", "scared what", "afraid what",
  "on myself", "know what im", "collect", "gathering", "saving", "come back", "coming back", "suffering", "pain", "fade away", "go away", "its time", "it is time", "my plan", "my goal",
  "my intention", "earth", "planet", "by the time", "voice", "antidepressant", "opioid", "benzo", "xanax", "lithium",
  "prescription", "off myself", "offing myself", "offed myself",
  // Spanish
  "morir", "muer", "muri", "muert", "matar", "mato", "vida", "vivir", "vivo", "viva", "viviendo", "existir", "despert",
  "desaparec", "irme", "ir para", "ir de", "tirar", "lanzar", "colgar", "ahorcar", "envenen", "cortar", "corte", "corto",
  "cortando", "cortes", "dano", "lastim", "autolesion", "quem", "herir", "golpe", "sangr", "pastilla", "pildora",
  "medicament", "medicina", "medicacion", "cuchill", "navaja", "cuerda", "soga", "arma", "puente", "azotea", "cornisa",
  "borde", "barandilla", "vias", "acantilado", "despedida", "despido", "carta", "nota", "adios", "carga", "mejor sin",
  "mejor si", "mejor cuando", "nadie me", "nadie le", "nadie notaria", "nadie se", "vale la pena", "para que seguir",
  "para que vivir", "para que existir", "intento", "recai", "volvi a caer", "sobredosis", "ojala", "acabe", "termine",
  "dosis", "ya se como", "estar aqui", "seguir aqui", "aqui conmigo", "este mundo", "del mundo", "suicida", "quitarme",
  "acabar", "terminar", "ponerle fin", "dejar de", "saltar", "tonteria", "locura", "algo estupido", "algo drastico", "miedo", "temo", "no creo que", "dormir", "voces", "voz", "mate", "tranquil", "feliz", "felices", "aliviad", "leas esto", "lean esto", "leais esto", "veas esto", "vean esto",
];

/** True when the normalized message could match at least one rule. */
export const mayMatchAnyRule = new RegExp(`\\b(?:${stems.join("|")})`);
