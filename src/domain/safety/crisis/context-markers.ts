/**
 * Words around a match that change what it means: negation, jokes and idioms, the past and
 * recovery, other people, quoted speech. English and Spanish share one table each; a word from
 * either language in a message counts, because members mix them.
 *
 * All patterns run on normalized text (see normalize.ts): lowercase, no accents, no apostrophes.
 */

/** Words that deny what follows ("I'm not going to", "I would never", "no me voy a"). */
export const negator =
  /\b(?:not|never|dont|do not|doesnt|didnt|wont|wouldnt|isnt|arent|aint|havent|hasnt|hadnt|no(?! one\b| body\b)|nor|neither|shouldnt|nunca|jamas|ni|tampoco)\b/;

/** Doubt that cancels a negation: "I can't promise I won't", "not sure I won't", "no puedo prometer". */
export const doubt =
  /\b(?:cant promise|cannot promise|can not promise|cant guarantee|not sure|unsure|dont know if|dont know whether|no puedo prometer|no prometo|no se si)\b/;

/** A denial placed after the phrase: "killing myself is not an option". */
export const denialAfter =
  /^ (?:is|isnt|was|would be|will) (?:not|never|no longer|nt)? ?(?:an option|happening|going to happen|on the table|something i would)|^ (?:no es|nunca es|no sera) (?:una opcion|opcion)/;

/** Laughter and "just kidding". */
export const jest =
  /(?<!\bnot |\bno |\bisnt |\bno es |\bnot a )\b(?:lol|lool|lmao|lmfao|rofl|haha\w*|hehe\w*|jaja\w*|jeje\w*|jsjs\w*|xd|jk|just kidding|kidding|joking|jokes|joke|broma|bromeando|es broma)\b/;

/** Saying plainly it is not a joke. */
export const sincere =
  /\b(?:not joking|not kidding|no joke|im serious|i am serious|i mean it|seriously|for real|fr|not a joke|not a figure of speech|isnt a figure of speech|actually mean|really mean|literally not joking|no es broma|no estoy bromeando|en serio|de verdad|lo digo en serio|va en serio)\b/;

/**
 * Everyday things people say are "killing" them. Only used together with a joke marker or a
 * "makes me want to" shape: failing an exam and wanting to die is not a joke by itself.
 */
export const trivialCause =
  /\b(?:homework|exams?|test|quiz|class|classes|party|wedding|gym|crush|photos|pics|selfies?|lecture|assignment|essay|deadline|meetings?|traffic|commute|queue|mondays?|song|movie|show|episode|game|spoilers?|memes?|video|tiktok|cringe|embarrass\w*|awkward|heat|weather|printer|wifi|internet|spreadsheets?|emails?|calculus|math|maths|chemistry|physics|finals|group project|project|presentation|hangover|shoes|outfit|tarea|deberes|examen|examenes|clase|trafico|reunion|cola|fila|lunes|cancion|pelicula|serie|partido|calor|jefe|resaca|verguenza)\b/;

/** "X makes me want to die": the shape of a complaint about X. */
export const makesMeWant = /\b(?:makes?|making|made|make) me (?:want|feel like)\b|\bme (?:da|dan|dio|dieron) ganas\b|\bme hace(?:n)? querer\b/;

/** Right after a death word: "die of embarrassment", "dying to see", "die for my kids", "morir de risa". */
export const idiomAfter =
  /^ if (?:i (?:dont|do not|cant|have to|eat|see|hear|get|watch|read|miss|lose|spend)|one more|another|you|she|he|they|this|that|my (?:mom|mum|dad|boss|sister|brother))\b|^ on (?:this|that) hill\b|^ (?:alone|old|happy|rich|poor|young|single|a (?:virgin|legend|hero|fan))\b|^ on (?:caffeine|coffee|sugar|chocolate|candy|cake|sweets|energy drinks?|memes|netflix|tv)\b|^ (?:laughing|asleep|tired|serious|set on|wrong|on my feet|last|center|centre|weight|end|battery|inside)\b|^ (?:of|from|de|del|por)\b(?! (?:an? )?(?:overdose|sobredosis)| (?:verdad|veras|una vez))|^ for\b(?! (?:real|good|sure))|^ to (?!death\b)[a-z]+/;

/** The phrase used as the subject of a general statement: "wanting to die is a symptom". */
export const subjectOfStatement = /^ (?:is|isnt|was|are|can be|doesnt|does not|means|es|no es|era)\b(?! all i)/;

/** Overwork or self-reproach, not suicide: "killing myself at the gym", "I could kill myself for forgetting". */
export const effortAfter =
  /^ (?:at (?:the gym|work)|over (?:this|that|it|a|the)|trying to|to (?:get|finish|meet|make|please|keep|pass)|with (?:work|this|studying)|estudiando|trabajando|entrenando)\b/;
export const couldBefore = /\bcould(?: just)?$/;

/** Right before: "I nearly killed myself (tripping)", "casi me muero (del susto)". Only an idiom with an accident or a joke. */
export const nearMissBefore = /\b(?:almost|nearly|practically|casi)$/;

/** A complaint in the shape "if I have to … I'll die". */
export const complaintBefore = /^if (?:i have to|i hear|i see|i dont get|i do not get|one more|i get|theres one more)\b/;

/** A fright told after the fact, before "I'd die" / "I'll die": "I thought I'd die", "I swear I'll die". */
export const frightBefore = /\b(?:thought|swore|swear|figured|was sure|was convinced|wonder if|wondering if|wonder whether)(?: that)?$/;

/** An accident, not self-harm: "cut myself chopping onions", "hurt myself at the gym". */
export const accidentAfter =
  /^(?: [a-z]+){0,3}? (?:while|when|by accident|accidentally|cooking|chopping|slicing|cutting (?:the|some|an?)|shaving|opening|on (?:a|the)|at (?:the|work|practice)|playing|lifting|running|skiing|skating|trying to|tripping|tripped|slipped|fell|falling|with (?:a|the) (?:knife|paper|scissors|can)|cocinando|pelando|afeitandome|sin querer|con (?:un|el) (?:papel|cuchillo))\b/;

/** Talking about the words themselves: "people say kms", "joking about wanting to kms". */
export const mentionBefore = /\b(?:say|says|saying|said|use|uses|using|word|term|joking|jokes|joke|hashtag|means|dicen|decir)\b/;

/** Other people as the subject. "my" is only a third party when followed by a person. */
export const thirdParty =
  /\b(?:you|youre|your|he(?! [a-z]+(?:ado|ido)\b)|she|they|hes|shes|theyre|theyve|theyd|someone|somebody|anyone|everyone|people|a member|members|a friend|my (?:friend|best friend|bestie|brother|sister|mom|mum|mother|dad|father|son|daughter|kid|kids|child|partner|boyfriend|girlfriend|bf|gf|husband|wife|roommate|flatmate|cousin|aunt|uncle|grandma|grandpa|grandmother|grandfather|niece|nephew|client|patient|student|coworker|colleague|neighbou?r|classmate|ex|teammate|therapist|doctor)|celebrity|actor|actress|singer|character|alguien|ella|ellos|ellas|la gente|mi (?:amig[oa]|herman[oa]|madre|padre|mama|papa|hij[oa]|pareja|novi[oa]|espos[oa]|mujer|marido|prim[oa]|vecin[oa]|companer[oa]|tia|tio|abuel[oa]|psicolog[oa]|terapeuta|medic[oa]|jefe|jefa))\b/g;

/** The author as subject, which ends the reach of a third party named earlier in the clause. */
export const firstPerson = /\b(?:i|im|ive|id|ill|me|myself|yo|conmigo)\b/;

/** Someone else's words: "she said", "he told me", "me dijo". */
export const reportedSpeech =
  /\b(?:said|says|saying|told me|tells me|told us|texted|texts|wrote|writes|posted|posts|messaged|tweeted|asked|asks|admitted|mentioned|dijo|dice|decia|me dijo|me dice|me escribio|escribio|publico|me conto|comento|confeso|menciono)\b/;

/** Being told to do it is harassment, which moderation handles; it is not the author's own wish. */
export const instructedBefore =
  /\b(?:told|tells|telling|tell|want|wants|wanted) (?:me|us) to\b|\b(?:said|says) i should\b|\bme (?:dijo|dice|dijeron|dicen) que me\b/;

/** The moment is recent: a past act then is a present concern. */
export const recent =
  /\b(?:last night|yesterday|today|tonight|this morning|this afternoon|this evening|earlier|an hour ago|hours ago|minutes ago|just now|right now|last week|this week|few days ago|days ago|all day|anoche|ayer|hoy|esta manana|esta tarde|esta noche|hace un rato|hace unas horas|hace poco|esta semana|la semana pasada|hace unos dias|ahora mismo)\b/;

/** The moment is long past. */
export const distantPast =
  /\b(?:used to|years ago|year ago|last year|months ago|in the past|back then|back in|at the time|when i was|as a (?:kid|teen|teenager|child|student)|in my (?:teens|twenties|thirties|20s|30s|youth|late teens|early twenties)|at my (?:lowest|worst)|long time ago|long ago|(?:in|since) (?:19|20)[0-9][0-9]|growing up|in high school|in college|a while back|few years back|hace (?:anos|un ano|meses|tiempo|mucho|[a-z0-9]+ anos|[a-z0-9]+ meses)|el ano pasado|cuando (?:era|tenia|estaba en)|de (?:joven|adolescente|pequen[oa]|nin[oa])|en el pasado|en aquel entonces|en su momento|hubo un tiempo|antes|solia|en mi adolescencia)\b/;

/** Recovery told in the same message: what happened is over. */
export const recovered =
  /\b(?:better now|doing better|much better|in a (?:much )?better place|now im|now i am|im [0-9]+ now|grateful|glad (?:i|im)|thankful|in recovery|recovering|survived|survivor|healing|free from|clean from|clean for|sh free|self harm free|(?:days|weeks|months|years) (?:clean|free)|got better|it got better|it gets better|went away|are gone|is gone|have passed|under control|got help|helped me|what helped|peer supporter|volunteer|life is good|okay now|ok now|doing okay|doing ok|how far ive come|different now|found (?:my people|hope|help|support|a reason)|estoy mejor|sali adelante|me alegra|me alegro|recuperacion|sobrevivi|eso paso|ya paso|llevo [a-z0-9 ]{0,12}(?:anos|meses|dias) sin|agradecid[oa])\b/;

/** Past thoughts that have come back make the past a present concern again. */
export const returned =
  /\b(?:(?:are|is|came|come|coming|have come|has come|its|theyre|thoughts|feelings|urges) back|back again|here i am again|all over again|started again|returned|returning|volvieron|han vuelto|vuelven|vuelvo a|regresaron|han regresado|otra vez|de nuevo)\b/;

/** Words that make a wish a plan: a time, a decision, a method. Raise "concern" to "crisis". */
export const planned =
  /\b(?:tonight|right now|this weekend|tomorrow|made up my mind|picked the date|picked a date|know exactly how|have a plan|got a plan|have everything ready|esta noche|ahora mismo|manana|ya lo decidi|tengo un plan|ya se como|este fin de semana)\b/;

/** Verbs of intent, as opposed to wishing: also raise "concern" to "crisis". */
export const intentVerb =
  /\b(?:going to|will|ll|plan to|planning to|planning on|about to|ready to|decided to|decided|made up my mind|voy a|he decidido|decidi|planeo|estoy list[oa]|decidid[oa] a|a punto de)\b/;

/** Past-tense forms; used on the match and the two words before it. */
export const pastTense =
  /\b(?:wanted|tried|attempted|felt|thought|considered|contemplated|planned|was|were|used to|killed|took|overdosed|died|relapsed|harmed|burned|burnt|scratched|punched|starved|self harmed|had|did|wrote|written|remember|remembered|quise|queria|intente|pense|pensaba|estaba|estuve|solia|cortaba|corte|tome|hice|quemaba|queme|lastime|golpee|autolesione|tenia|tuve|hubo|fue|era)\b|\bi (?:cut|hurt|hit)\b/;

/** Someone else's death or wish to die, to which the author may say "me too". */
export const othersDeathTopic =
  /\b(?:suicide|suicid\w+|kill(?:ed|s)? (?:himself|herself|themselves)|wants? to die|died|passed away|took (?:his|her|their) (?:own )?life|quiere (?:morir\w*|matarse|suicidarse)|se (?:quiere )?(?:matar|mato|suicid\w+)|se quito la vida|murio|se murio)\b/;

/** The author owning a wish they first spoke of in general: "everyone jokes about it, but I actually mean it". */
export const ownsIt = /\b(?:i (?:actually|really|genuinely|truly) (?:mean|do) it|but i mean it|i mean it though|yo lo digo en serio|yo si lo digo en serio)\b/;

/** "I want it to end" is about life only when life, or forever, is named. */
export const lifeOrForever = /\b(?:my life|this life|my existence|life|living|alive|it all|everything|all of it|for good|forever|permanently)\b/;

/** Enough about suicide in the message to read "I'm going to do it" as being about it. */
export const suicideContext =
  /\b(?:die|dying|dead|death|suicid\w*|kill myself|killing myself|end it|ending it|end my life|pills?|meds|overdose|rope|noose|goodbyes?|letters|notes|bridge|jump\w*|hang myself|morir\w*|muert[oa]|matarme|suicid\w+|pastillas|despedida|cartas|puente|tirarme)\b/;

/** A high place, which turns "thinking about jumping" into a risk. */
export const heightTopic =
  /\b(?:bridge|roof|rooftop|building|ledge|balcony|cliff|window|tracks|train|tower|parking garage|puente|azotea|edificio|balcon|ventana|acantilado|vias|tren)\b/;

/** Voices or one's own mind giving orders: a risk for the author, not someone else's words. */
export const innerVoice =
  /\b(?:voices?|my (?:mind|brain|head|thoughts|illness|depression)|something (?:inside|in my head)|las voces|una voz|la voz|mi (?:mente|cabeza))\b/;

/** Self-harm or suicide named anywhere in the message: "relapsed" alone could be about anything. */
export const selfHarmTopic = /\b(?:self harm\w*|sh|cutting|cut|hurting myself|suicid\w+|autolesion\w*|cortarme|cortes)\b/;
