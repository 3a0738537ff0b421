/**
 * Spelling repair tables used by normalize.ts. They turn the common ways people write in chat
 * (shorthand, frequent misspellings, stretched letters) into the one spelling the rules expect.
 * Only words that matter to the rules are listed: a table of the whole language is not needed.
 */

/** Words the rules care about, so a stretched word ("kiiiill", "morirmeee") can be mapped back. */
const ruleWords = [
  // English
  "kill", "killing", "killed", "die", "dying", "dead", "death", "suicide", "suicidal", "myself", "want", "wanna",
  "need", "wish", "end", "ending", "life", "live", "living", "alive", "anymore", "gone", "hurt", "cut", "cutting",
  "harm", "bleed", "pills", "goodbye", "disappear", "forever", "sleep", "wake", "tired", "done", "please", "help",
  "really", "seriously", "so", "no", "not", "never", "feel", "feeling", "all", "tonight", "unalive", "sorry",
  "good", "too", "see", "soon", "off", "exist", "lol", "haha", "hahaha", "lmao", "omg", "ugh", "yes", "tomorrow",
  "happy", "cool", "hello", "hey", "bye", "fuck", "shh", "hmm", "ok", "okay", "well", "still",
  // Spanish
  "morir", "morirme", "muero", "muerto", "muerta", "matar", "matarme", "mato", "suicidarme", "suicidio", "quiero",
  "vivir", "vida", "ya", "mas", "nada", "todo", "nunca", "jajaja", "jaja", "ayuda", "desaparecer", "cortarme",
  "corto", "dolor", "cansado", "cansada", "harto", "harta", "adios", "perdon", "me", "porfavor", "por", "favor",
  "siempre", "llorar", "sola", "solo", "triste", "calor", "hambre", "sueno", "risa", "cerro", "perro", "arriba",
];

/** Maps a word with every doubled letter squeezed ("kil") to the rule word it came from ("kill"). */
export const squeezedRuleWords: ReadonlyMap<string, string> = new Map(
  ruleWords.map((word) => [word.replace(/(.)\1+/g, "$1"), word] as const).reverse(),
);

/**
 * Whole-word replacements: shorthand, frequent misspellings and spellings that hide a word.
 * Keys are already lowercase, accent-free and without apostrophes.
 */
export const wordReplacements: ReadonlyMap<string, string> = new Map([
  // English shorthand
  ["wanna", "want to"], ["wana", "want to"], ["wnat", "want"], ["wnt", "want"], ["wan", "want"], ["watn", "want"],
  ["gonna", "going to"], ["gunna", "going to"], ["gona", "going to"], ["finna", "going to"], ["tryna", "trying to"],
  ["imma", "im going to"], ["ima", "im going to"], ["iam", "i am"], ["jus", "just"], ["jst", "just"],
  ["u", "you"], ["ur", "your"], ["r", "are"], ["b", "be"], ["2", "to"], ["n", "and"], ["bc", "because"],
  ["cuz", "because"], ["coz", "because"], ["rn", "right now"], ["tn", "tonight"], ["tonite", "tonight"],
  ["2nite", "tonight"], ["2night", "tonight"], ["2day", "today"], ["2morrow", "tomorrow"], ["tmrw", "tomorrow"], ["4ever", "forever"], ["4eva", "forever"],
  ["nemore", "anymore"], ["anymor", "anymore"], ["enymore", "anymore"], ["dnt", "dont"],
  ["thinkin", "thinking"], ["killin", "killing"], ["goin", "going"], ["feelin", "feeling"], ["cuttin", "cutting"],
  ["hurtin", "hurting"], ["endin", "ending"], ["dyin", "dying"], ["tryin", "trying"], ["livin", "living"],
  ["wantin", "wanting"], ["nothin", "nothing"], ["somethin", "something"], ["bout", "about"], ["abt", "about"],
  ["w", "with"], ["wit", "with"], ["pls", "please"], ["plz", "please"], ["srsly", "seriously"], ["deadass", "seriously"],
  ["myslef", "myself"], ["mysef", "myself"], ["myslf", "myself"], ["mysefl", "myself"], ["myelf", "myself"],
  ["mself", "myself"], ["meself", "myself"], ["kil", "kill"], ["kll", "kill"], ["kiil", "kill"], ["ded", "dead"],
  ["diee", "die"], ["dei", "die"], ["alvie", "alive"], ["alve", "alive"], ["liv", "live"], ["lyf", "life"],
  ["lfe", "life"], ["sucide", "suicide"], ["suiside", "suicide"], ["suicde", "suicide"], ["suacide", "suicide"],
  ["suicid", "suicide"], ["sucicide", "suicide"], ["suicied", "suicide"], ["sooicide", "suicide"],
  ["sewerslide", "suicide"], ["sewerside", "suicide"], ["suwerslide", "suicide"],
  ["suicidle", "suicidal"], ["sucidal", "suicidal"], ["suicidial", "suicidal"], ["suisidal", "suicidal"],
  ["suicdal", "suicidal"], ["suicidel", "suicidal"], ["sucidial", "suicidal"], ["suacidal", "suicidal"],
  ["selfharm", "self harm"], ["selfharming", "self harming"], ["selfharmed", "self harmed"], ["od", "overdose"], ["oding", "overdosing"],
  // Spanish shorthand
  ["q", "que"], ["k", "que"], ["ke", "que"], ["xq", "porque"], ["pq", "porque"], ["xk", "porque"],
  ["porq", "porque"], ["x", "por"], ["tb", "tambien"], ["tmb", "tambien"], ["tbn", "tambien"], ["d", "de"],
  ["kiero", "quiero"], ["qiero", "quiero"], ["qero", "quiero"], ["kero", "quiero"], ["kisiera", "quisiera"],
  ["kieres", "quieres"], ["kiere", "quiere"], ["aki", "aqui"], ["toy", "estoy"], ["tas", "estas"],
  ["vdd", "verdad"], ["nse", "no se"], ["nc", "no se"], ["bn", "bien"], ["mrir", "morir"], ["morirm", "morirme"],
  ["suisidio", "suicidio"], ["suicidarm", "suicidarme"], ["suisidarme", "suicidarme"], ["suisidar", "suicidar"],
  ["sucidarme", "suicidarme"], ["suicidrme", "suicidarme"], ["sucidio", "suicidio"], ["matarm", "matarme"],
]);

/** Digits and symbols that stand for letters inside a word ("su1cide", "k!ll", "mys3lf"). */
export const leetLetters: Readonly<Record<string, string>> = {
  "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "@": "a", "$": "s", "!": "i", "|": "i",
};

/** Every rule word, to fill in a letter someone hid with an asterisk ("k*ll" → "kill"). */
export const ruleWordSet: ReadonlySet<string> = new Set(ruleWords);
