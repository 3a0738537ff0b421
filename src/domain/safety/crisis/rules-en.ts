/**
 * English rules. The general shape is: the author (a first-person subject, or nothing at the
 * start of a clause, as in "want to die tbh") + a wish or an intent + death or self-harm as
 * the object, with a few words of slack between them. Set phrases cover what that shape cannot
 * (being a burden, not waking up, a goodbye note, pills counted out).
 */
import { oneOf, rule } from "./rule.js";
import type { Rule } from "./types.js";
import { heightTopic, lifeOrForever, othersDeathTopic, ownsIt, selfHarmTopic, suicideContext } from "./context-markers.js";

const subject = oneOf(["i", "im", "ive", "id", "ill", "me"]);
/** Any word that is not a new subject or a joint between two ideas. */
const gapWord = "(?:(?!(?:i|im|ive|id|ill|me|you|youre|he|hes|she|shes|they|theyre|theyve|we|it|its|her|him|them|his|their|and|but|if|because|cause|when|that|who|which|than|or|to)\\b)[a-z0-9]+ )";
/** Words that may open a clause whose subject is left out ("honestly just want to die"). */
const filler = oneOf([
  "just", "really", "honestly", "so", "literally", "sometimes", "kinda", "lowkey", "still", "also", "seriously",
  "tbh", "ngl", "idk", "ugh", "god", "omg", "fr", "lol", "not", "never", "dont", "do", "cant", "wont", "would",
  "could", "should", "might", "actually", "always", "often", "now", "today", "tonight", "again", "already", "and",
  "well", "yeah", "yes", "ok", "okay", "am", "feeling", "feel", "been", "fucking", "truly", "genuinely", "no",
  "oh", "man", "bro", "please", "im", "i", "think", "maybe", "guess", "almost", "kind of", "sort of", "i think",
]);
/**
 * The author, then up to four words; or the start of a clause, then up to three fillers; or
 * "and" with the subject left out ("I hate myself and want to die"), which judge.ts only
 * accepts when the author is the subject earlier in the clause.
 */
const author = `(?:\\b${subject} (?<gap>${gapWord}{0,4})|^(?<lead>(?:${filler} ){0,3})|\\band (?<andLead>(?:${oneOf(["just", "really", "honestly", "so", "literally", "still", "also", "seriously", "now", "then", "kinda", "lowkey"])} ){0,2}))`;
const adverbs = `(?:${oneOf([
  "just", "really", "so", "honestly", "literally", "fucking", "actually", "simply", "finally", "seriously", "already",
  "quietly", "peacefully", "go", "and", "quickly", "all", "completely", "truly", "permanently", "even", "like",
])} ){0,3}`;

const wish = oneOf([
  "want to", "wanted to", "wanting to", "wish i (?:was|were|could|would|had)", "wished i (?:was|were|could|had)",
  "wishing i (?:was|were|could|would|had)", "wish to", "wishing to", "deserve to", "deserved to",
  "would like to", "would rather", "rather", "need to", "needed to", "have to", "should", "could just",
  "might (?:just|as well)", "feel like", "felt like", "feeling like", "think about", "thinking about",
  "thinking of", "thought about", "thought of", "think of", "fantasi[sz]e about", "fantasi[sz]ing about",
  "dream about", "dreaming about", "considering", "considered", "contemplating", "contemplated", "tempted to",
  "urge to", "urges to", "long to", "longing to", "crave", "craving", "picture myself", "picturing myself",
  "imagine", "imagining", "stop myself from", "cant stop thinking about", "tried to", "try to", "trying to",
  "attempted to", "used to", "wants to", "waiting to", "counting down to", "want", "wanna",
]);
const intent = oneOf([
  "going to", "will", "plan to", "planning to", "planning on", "plan on", "planned to", "about to", "ready to",
  "decided to", "made up my mind to", "intend to", "intending to", "mean to", "getting ready to", "preparing to",
  "prepared to", "gotta",
]);

/** Dying and killing oneself, in base and -ing forms, with the idioms kept out by what follows. */
const death = oneOf([
  "die(?! (?:my|her|his|the|your) hair)", "dying(?! (?:my|her|his|the|your) hair)", "be dead", "being dead",
  "dead", "end up dead", "be gone(?= for good| forever| permanently|$)",
  "end (?:my|the|all my|this) (?:suffering|pain)(?= for good| forever| permanently| once and for all| tonight|$)",
  "leave (?:this|the) (?:world|earth|planet)",
  "(?:walk|swim|drive|go|wander|run) (?:[a-z]+ ){0,4}?and (?:not|never) (?:come|coming) back", "(?:fade|go) away(?= and never come back| forever| for good| permanently)", "kill myself", "killing myself", "kms",
  "end (?:it|it all|things|everything|myself|my (?:own )?life|this life)(?! (?:with|between|early|for (?:the|today|tonight|now)))",
  "ending (?:it|it all|things|everything|myself|my (?:own )?life)(?! (?:with|between|early|for (?:the|today|tonight|now)))",
  "take my (?:own )?life", "taking my (?:own )?life", "commit suicide", "committing suicide",
  "suicide(?! (?:prevention|hotline|line|lifeline|awareness|rates?|loss|helpline|squad|watch|crisis))",
  "unalive(?: myself)?", "unaliving(?: myself)?", "off myself", "offing myself", "hang myself", "hanging myself",
  "overdose", "overdosing", "jump(?:ing)? (?:off|from|in front of)", "jump to my death",
  "throw(?:ing)? myself (?:off|in front of|under)", "step(?:ping)? in front of", "slit(?:ting)? my (?:wrists?|throat)",
  "shoot(?:ing)? myself", "drown(?:ing)? myself", "poison(?:ing)? myself", "gas(?:sing)? myself",
  "ctb", "not (?:be here|exist|be alive|wake up|be around|be (?:in|on) this (?:world|planet|earth))", "stop (?:existing|living|breathing|being alive)",
  "cease to exist", "no longer (?:exist|be here|be alive)",
  "disappear(?= (?:forever|for good|permanently|off the face|from (?:this|the) (?:world|earth|planet)|from existence|and never|completely)|$)",
  "vanish forever", "delete myself", "self delet(?:e|ing)", "(?:go to |fall )?(?:sleep|asleep) forever", "be better off dead", "better off dead",
  "have died", "out of (?:life|this life|this world|existence)",
  "(?:drive|driving|crash|crashing) (?:my car )?(?:into|off) (?:a |the )?(?:tree|wall|bridge|cliff|traffic|oncoming traffic|river)",
]);

const selfHarm = oneOf([
  "cut(?:ting)?(?= (?:myself|my (?:arms?|wrists?|legs?|thighs?|skin|stomach|hips?)|again|deeper|tonight|today|so bad|now)\\b| and (?!paste\\b)|$)",
  "self harm(?:ing)?", "sh(?= |$)", "bleed", "(?:hurt|harm|burn|punish|punch|hit|starve|scratch)(?:ing)? myself",
  "relapse(?= |$)",
]);
const lifeNegation = oneOf([
  "dont", "do not", "didnt", "dont even", "dont really", "never", "no longer", "cant", "cannot", "can not", "wont",
  "wouldnt", "not",
]);
const lifeVerb = oneOf([
  "want to", "feel like", "care to", "wish to", "need to", "plan to", "intend to", "know how to",
  "see (?:the|a|any) (?:point|reason) (?:in|of|to)", "see why i should", "deserve to",
  "have (?:the|any|a) (?:will|desire|reason|strength|energy) to", "want to keep", "think i can", "think i want to",
  "even want to", "know if i want to", "want to be able to",
]);
/** Living, with what follows deciding: "go on like this" is risk, "go on the trip" is not. */
const life = oneOf([
  "live(?! (?:here|there|in|with|near|at|on|together|without)\\b)", "living(?! (?:here|there|in|with)\\b)",
  "be alive", "being alive", "exist", "existing", "be here(?! (?:at|for|with|in|tonight|today)\\b)", "wake up(?! (?:early|at|before|for)\\b)",
  "waking up", "go on(?= like (?:this|that)(?! (?:with|at|in)\\b)|$| anymore| any longer| much longer| living| this way)",
  "keep going(?= like|$| anymore| any longer| much longer)", "keep living", "carry on(?= like|$| anymore| any longer)",
  "continue living", "be around(?= anymore|$| much longer)", "be (?:in|on) this (?:world|planet|earth)", "be on earth",
  "do life", "stay alive", "survive(?= (?:the night|tonight|much longer|another day|this week)|$)",
]);

/**
 * For the catch-all rule below: words that may sit between "I" and a death phrase. Fear,
 * wondering and conditions ("afraid of dying", "I wonder what happens when we die", "if I die")
 * and other people cannot be crossed.
 */
const looseGapWord = "(?:(?!(?:i|im|ive|id|ill|me|my|you|youre|he|hes|she|shes|they|theyre|we|it|its|her|him|them|his|their|our|and|but|if|when|after|before|until|because|cause|that|who|which|than|or|could|saw|see|seen|watch|watched|watching|heard|hear|let|made|make|afraid|scared|fear|fears|terrified|worried|wonder|dream|dreamt|nightmare|nightmares|about|of)\\b)[a-z0-9]+ )";
/** Death phrases strong enough to mean the author's own death when "I" is near. */
const ownDeath = oneOf([
  "die(?! (?:my|her|his|the|your) hair)", "dying(?= (?:would|will|is|seems|sounds|feels|could|might)\\b)", "be dead",
  "being dead", "not (?:be |being )?alive", "end (?:it|it all|my life)(?! (?:with|between|early|for (?:the|today|tonight|now)))",
  "ending (?:it|it all|my life)(?! (?:with|between|early|for (?:the|today|tonight|now)))", "kill myself", "killing myself",
  "take my (?:own )?life", "commit suicide", "overdose", "not wake up", "never wake up",
]);

export const englishRules: readonly Rule[] = [
  // Catch-all: "I" and, a few words later, a plain statement of dying. The shapes below give
  // better reasons; this one catches wordings nobody listed ("all I want is to die").
  rule("death-talk", "concern", "en", `\\b(?:i|im|ive|id|ill|me|myself) (?<gap>${looseGapWord}{0,6}?)${ownDeath}\\b`, { idiomProne: true }),
  rule("death-talk", "concern", "en", `\\bmy (?:life|existence) (?:needs|has|have|is going|should|must|deserves|ought) to (?:end|be over|stop)\\b|\\b(?:dont|do not|cant|cannot|can not) (?:see|picture|imagine) myself (?:alive|living|being alive|here|around|existing)\\b`, { negatable: false }),
  // A wish or intent to die, said by the author.
  rule("wish-to-die", "concern", "en", `${author}(?<verb>${wish}|${intent}) ${adverbs}${death}\\b`, { idiomProne: true }),
  rule("wish-to-die", "concern", "en", `\\b(?:ill|id|i will|i would|i shall) (?<gap>${gapWord}{0,2})${death}\\b`, { idiomProne: true }),
  rule("wish-to-die", "concern", "en", `\\b(?:stop|stopping|stops|keep|keeping|keeps) me from ${adverbs}${death}\\b`, { negatable: false }),
  rule("wish-to-die", "concern", "en", `\\b(?:part of me|a part of me|something in me) (?:still |really |just )?(?:wants|want|wishes|wish) (?:to )?${adverbs}${death}\\b`),
  rule("wish-to-die", "concern", "en", `\\b(?:want|wanna|wish|need|hope|ready for) (?:my life|this life|my existence|life|it all|everything|all of it|it) (?:to )?(?:be over|end|stop|finish)(?: for good| forever| permanently)?\\b`, { idiomProne: true, needs: lifeOrForever }),
  rule("wish-to-die", "concern", "en", `\\b(?:want|wanna|wish|need) (?:it all|it) (?:to )?(?:end|be over|stop)$`, { idiomProne: true }),
  rule("wish-to-die", "concern", "en", `\\b(?:nice|easy|easier|better|peaceful|good|tempting|simple|a relief) (?:it )?(?:would be|is|will be|would feel) (?:to )?(?:just )?${death}\\b`, { idiomProne: true }),
  rule("wish-to-die", "concern", "en", `\\b(?:im|i am) (?:just |finally |really |seriously |honestly |definitely )?(?:ending (?:it|it all|things|everything)(?! (?:with|between|early|for (?:the|today|tonight|now)))|checking out for good)\\b`),
  rule("wish-to-die", "concern", "en", `\\bmy (?:plan|goal|intention) is (?:to )?${death}\\b|\\b(?:its|it is) time (?:i|for me to) (?:ended it|end it|died|die|killed myself|kill myself|left this world|leave this world)\\b`),
  rule("wish-to-die", "concern", "en", `\\b(?:wish|wishing|pray|praying|long|longing|hope|hoping) for (?:death|my death|the end|it all to end)\\b`),
  rule("wish-to-die", "concern", "en", `\\b(?:is it|its|it is) (?:normal|ok|okay|weird|bad|wrong|common) (?:to|that i) (?:want to|wanna|feel like|think about|keep thinking about|wish i (?:was|were)) ${death}\\b`, { negatable: false }),
  rule("wish-to-die", "concern", "en", `\\b(?:thinking about|think about|thought about|want to|going to|urge to|tempted to) jump(?:ing)?\\b(?! (?:in|into|on|at|rope|ropes|around|ship)\\b)`, { needs: heightTopic }),
  rule("death-appeals", "concern", "en", `\\b(?:death|dying|being dead|not existing|not being here|not waking up|ending it|suicide|the idea of dying) (?:sounds|seems|feels|looks|would be|would feel|is|has been) (?:so |really |very |pretty |kinda |more and more |like )?(?:nice|good|peaceful|better|appealing|tempting|great|a relief|relief|easier|the answer|freedom|comforting|inviting)\\b(?! for (?:him|her|them|my)\\b)`, { anchor: "open", idiomProne: true }),
  rule("fear-of-self", "concern", "en", `\\b(?:scared|afraid|frightened|terrified) (?:of )?(?:myself|what i (?:might|could|will|would|am going to|m going to) do(?: to myself)?|what ill do(?: to myself)?)\\b`, { anchor: "open" }),
  rule("self-harm", "concern", "en", `\\b(?:use|using|used) (?:it|them|the (?:knife|blade|razor|gun|rope|pills)) on myself\\b`),
  rule("voices-command", "concern", "en", `\\b(?:voices?|my (?:mind|brain|head|thoughts|depression)) (?:[a-z]+ ){0,3}?(?:tell|tells|telling|told|want|wants|keep telling|keeps telling|say|says) (?:me )?(?:to |i should )?(?:${death}|hurt myself|cut myself|kill myself|die)\\b`, { negatable: false }),
  rule("plan:intent", "crisis", "en", `\\b(?:going to|gonna|will|ill|about to|ready to|planning to|decided to|want to) (?:finally |actually |really |just )?(?:do it|go through with it|try again)\\b|\\bi know (?:exactly )?what (?:im|i am) (?:going to|gonna) do\\b|\\b(?:do|doing) something (?:stupid|drastic|final|i cant take back)\\b`, { needs: suicideContext }),
  rule("wish-to-die", "concern", "en", `\\b(?:would be|its|it is|seems|feels|sounds) (?:so |really |very |much )?(?:easy|easier|better|simple|simpler|tempting|nice|peaceful|a relief) (?:to )?(?:just )?${death}\\b`, { idiomProne: true }),
  rule("no-way-out", "concern", "en", `\\b(?:suicide|death|dying|killing myself|ending it|ending my life|to die) (?:feels|seems|looks|is|sounds) like (?:the |my )?(?:only|last|best) (?:option|way out|answer|choice|solution|escape|way)\\b|\\b(?:suicide|death|dying|killing myself|ending it|ending my life) (?:is|seems|feels) (?:the |my )?(?:only|last|best) (?:option|way out|answer|choice|solution|escape)\\b|\\b(?:the )?only (?:way out|option|escape|answer|solution) (?:left )?(?:is|would be) (?:to die|death|suicide|killing myself|ending it|to end it)\\b|\\b(?:no|any|only|other) (?:way|option|choice) (?:out |forward |left )?(?:except|but|other than|besides|than) ${death}\\b`, { anchor: "open" }),
  rule("wish-to-die", "concern", "en", `\\b(?:suicide|dying|death|killing myself|ending it|wanting to die) (?:is|has been|keeps being|keeps) (?:on my mind|in my head|in my thoughts)\\b|\\b(?:suicide|dying|death|killing myself|ending it|wanting to die) is all i (?:can )?think about|\\ball i (?:can )?think about is (?:suicide|dying|death|killing myself|ending it|how to die)`),
  rule("wish-to-die", "concern", "en", `\\b(?:wish|hope|hoping|pray|praying|want)(?: that)? (?:someone|somebody|something|a (?:car|truck|bus|train)|god|it|this)(?: would| will| could| to| just)* (?:kill|kills|hit|hits|run over|runs over|shoot|shoots|take|takes) me\\b`, { negatable: false }),
  rule("wish-to-die", "concern", "en", `\\b(?:wish|hope|hoping|pray|praying) (?:that )?i (?:just )?(?:die|get hit|get killed|dont make it|dont survive|drop dead|crash)\\b`, { idiomProne: true }),
  // The author killing themselves, whatever the verb before it.
  rule("self-kill", "concern", "en", `\\b(?:kill(?:ing|ed|s)? myself|kms|end(?:ing|ed)? my (?:own )?life|tak(?:e|ing) my (?:own )?life|took my (?:own )?life|off(?:ing|ed)? myself|unaliv(?:e|ing|ed) myself|hang(?:ing|ed)? myself|delete myself|self delet(?:e|ing|ion))\\b`, { anchor: "open", idiomProne: true }),
  // "I don't want to live": the negation is the meaning.
  rule("no-wish-to-live", "concern", "en", `(?:\\b${subject} (?<gap>${gapWord}{0,3})|^(?:${filler} ){0,2})${lifeNegation} ${adverbs}(?:${lifeVerb} )?${adverbs}${life}\\b`, { negatable: false }),
  rule("no-wish-to-live", "concern", "en", `\\b(?:not sure|dont know|unsure|no idea|dont think)(?: if| whether| that)? (?:i |im |ill |id |i am |i will )?(?:still |really |even )?(?:want to |can |will |would |need to |should |going to )?(?:keep |be able to )?(?:live|living|be alive|alive|exist|existing|be here|stay alive|survive(?= (?:the night|tonight|much longer|another day|this week)|$)|go on|keep going|carry on|make it (?:through|to (?:tomorrow|the morning|morning))|last (?:the night|much longer))\\b`, { negatable: false }),
  rule("no-wish-to-live", "concern", "en", `\\b(?:dont|do not|wouldnt) (?:even |really )?care (?:if|whether|that) i (?:die|died|live|wake up|dont wake up|get killed|make it|am dead)\\b`, { negatable: false }),
  rule("no-wish-to-live", "concern", "en", `\\bhow (?:much )?(?:longer|long) (?:i )?(?:can|will|could) (?:keep (?:living|going|this up)|go on|hold on|survive|last|stay alive)\\b`, { negatable: false }),
  rule("no-reason-to-live", "concern", "en", `\\b(?:no|zero|not (?:a|one|any)|nothing(?: left)?) (?:reason|point|purpose)s? (?:for me )?(?:to|in|of) (?:keep |go on |carry on )?(?:live|living|be alive|being alive|go on|going on|exist|existing|stay|staying|be here|keep going|carry on|continue)\\b|\\bnothing (?:left )?to live for\\b|\\b(?:theres|there is|whats|what is) (?:no|the) point (?:anymore|any more|in anything|in anything anymore)\\b|\\blife (?:isnt|is not|aint|is no longer|isnt even) worth (?:living|it)\\b|\\b(?:whats|what is) (?:even |really )?the point (?:of|in) (?:living|life|going on|being alive|existing|staying alive|it all|anything anymore|trying anymore)\\b|\\bwhy (?:should|would) i (?:keep living|go on|stay alive|live|be alive)\\b|\\bwhy am i (?:even |still |even still )?(?:alive|here)\\b`, { anchor: "open", negatable: false, idiomProne: true }),
  rule("tired-of-life", "concern", "en", `\\b(?:tired|sick|exhausted|done|weary) of (?:fighting|trying|struggling|pretending|having) to (?:stay alive|live|keep going|survive|exist|keep living)\\b|\\b(?:tired|sick|exhausted|done|weary) (?:of|with) (?:living|being alive|life|existing|this life|my life|being here)\\b(?! (?:in|at|paycheck|with|here|on|off|under|out|from|alone)\\b)|\\bhate (?:being alive|existing|that im alive|waking up every day|that i woke up)\\b`, { anchor: "open" }),
  rule("no-wake", "concern", "en", `\\b(?:hope|wish|pray|praying|hoping|want)(?: that)? (?:i|id) (?:dont|do not|never|wont|wouldnt|dont ever) wake up\\b|\\b(?:sleep|asleep|bed|pass out) (?:[a-z]+ ){0,3}?(?:and |then )?(?:never|not|dont|wont|no longer) (?:ever )?(?:have to )?wake(?: up)?\\b|\\bnever wake up again\\b`, { negatable: false }),
  rule("wish-not-exist", "concern", "en", `\\bwish(?:ed)? (?:that )?(?:i|id) (?:had never|was never|were never|hadnt|had not|never) (?:been )?born\\b|\\bwish i didnt exist\\b`, { negatable: false }),
  rule("burden", "concern", "en", `\\bbetter (?:off )?without me\\b|\\b(?:happier|easier|better)(?: off)?(?: for (?:everyone|them|all|you|my [a-z]+))? (?:if|when) i(?:m)? (?:just |was |were |am )*(?:wasnt|werent|was not|were not|am not|was gone|were gone|was dead|were dead|died|disappeared|didnt exist|never existed|wasnt around|left for good|gone|dead|not here)\\b|\\b(?:im|i am|feel like|being|i feel like) (?:just |such |only |nothing but |always )?(?:a|the) burden\\b|\\b(?:relieved|glad|fine|free|lighter)(?: for (?:everyone|them|all|you|my [a-z]+))? (?:if|when) i (?:just )?(?:died|was gone|were gone|was dead|disappeared|wasnt here|wasnt around|killed myself|left for good|didnt exist)\\b|\\bbetter off (?:not (?:being )?(?:here|alive|around|existing)|gone|not existing)\\b|\\b(?:nobody|no one|noone|no body)(?: would| will)? (?:even )?(?:care|notice|miss me|mind)(?: (?:if|when) i (?:died|was gone|disappeared|killed myself|wasnt here|left|die|disappear))?(?= (?:if|when) i|$| anyway)`),
  rule("unafraid-of-death", "concern", "en", `\\b(?:not|no longer|stopped being|never been) (?:scared|afraid|frightened) (?:of|to) (?:die|dying|death)\\b`, { negatable: false }),
  rule("suicidal", "concern", "en", `${author}(?:(?:feel|feeling|felt|am|been|getting|so|very|really|pretty|kinda|was|were|be|used to be|used to feel) )*suicidal\\b(?! (?:people|person|patients?|friends?|members?|teens?|students?|clients?|callers?)\\b)`),
  rule("suicidal", "concern", "en", `\\b(?:my|the|these|those|having|have|had|get|getting|with) suicidal (?:thoughts?|feelings?|urges?|ideation|ideas)\\b|\\b(?:having|have|had|get|getting) thoughts (?:of|about) (?:suicide|killing myself|dying|ending it)\\b`, { anchor: "open" }),
  rule("attempt", "concern", "en", `\\b(?:i|ive|im) (?:[a-z]+ ){0,2}?(?:attempted|attempt)(?= (?:suicide|yesterday|last|today|tonight|again|this (?:morning|week|weekend)|before|twice|once|a few|when|in)\\b|$)|\\bmy (?:last |first |second |recent |suicide )?attempt\\b|\\ban attempt(?= (?:on my life|yesterday|last|this|in|when|[0-9])|$)`, { anchor: "open", alwaysPast: true }),
  // Self-harm.
  rule("self-harm", "concern", "en", `${author}(?<verb>${wish}|${intent}|started|start|been|keep|kept|going back to|relapsed and|did|done|cant stop|cannot stop) ${adverbs}${selfHarm}`),
  rule("wish-to-die", "concern", "en", `\\b(?:almost|nearly) (?:jumped|did it|went through with it|overdosed|took the pills|hanged myself|ended it|ended my life)\\b`, { idiomProne: true }),
  rule("self-harm", "concern", "en", `\\b(?:cut|cutting|cuts|hurt|hurting|hurts|harm|harming|harmed|burn|burning|burned|burnt|hit|hitting|punch|punching|punched|scratch|scratching|scratched|starve|starving|starved|bruise|bruising|bruised|mutilate|mutilating|carve|carving|carved) myself\\b`, { anchor: "open", idiomProne: true }),
  rule("self-harm", "concern", "en", `\\b(?:urge|urges|craving|cravings|temptation|need) (?:to )?(?:self harm|sh|cut(?= myself| my (?:arms?|wrists?|legs?|thighs?|skin)| again| deeper| tonight| today|$)|hurt myself)\\b|\\b(?:self harm|sh|cutting) (?:urges?|cravings?|again|relapse|tonight|so bad)\\b|\\b(?:relapsed|relapse|relapsing)(?: [a-z]+){0,2} (?:on |with |into )?(?:self harm|sh|cutting|hurting myself)\\b|\\b(?:i|ive|im) (?<gap>(?:[a-z]+ ){0,2}?)(?:self harmed|self harming|did sh|done sh)\\b|^did sh\\b`, { anchor: "open" }),
  rule("self-harm", "concern", "en", `\\b(?:scratch|scratching|scratched|pick|picking|hit|hitting|cut|cutting|burn|burning|bite|biting|punch|punching) (?:my )?(?:arms?|legs?|skin|wrists?|thighs?|face|head|hands?)(?: [a-z]+){0,2} (?:until|till|til|to) (?:they |it |i )?(?:bleed|bleeds|bled|bruise|bruises|bruised|scar|hurts?)\\b`, { anchor: "open" }),
  rule("self-harm", "concern", "en", `\\b(?:crav(?:e|ing)|miss(?:ing)?|want|need|wanna) (?:the |my )?(?:blade|blades|razor|razors)\\b`),
  rule("self-harm", "concern", "en", `\\b(?:carve|carved|carving|cut|cutting|slice|sliced|slicing|slash|slashed|slashing|burn|burned|burnt|burning|gash|gashed) (?:into |up )?my (?:arms?|wrists?|legs?|thighs?|skin|stomach|hips?)\\b`, { anchor: "open" }),
  rule("self-harm", "concern", "en", `\\b(?:i|ive|i just) (?:[a-z]+ )?relapsed\\b(?= (?:tonight|today|again|last|this)|$)`, { needs: selfHarmTopic }),
  // Plans, means and goodbyes.
  rule("plan:means", "crisis", "en", `\\b(?:pills|tablets|meds|medication|medicine|painkillers|sleeping pills|paracetamol|tylenol|insulin|rope|noose|gun|pistol|razor|razors|razor blade|blade|blades|bleach)(?: (?!for\\b)[a-z]+){0,3}? (?:in front of me|next to me|beside me|in my hands?|ready(?! for (?:the|my|a) )|lined up|counted out|laid out|loaded|on my (?:desk|bed|table|lap)|right here|hidden)\\b|\\b(?:rope|noose|gun|pistol|pills|razor|blade|blades)\\b(?: [a-z]+){0,4}? for when (?:im|i am|i) (?:ready|decide|do it)\\b`, { anchor: "open" }),
  rule("plan:means", "crisis", "en", `\\b(?:saving up|saved up|stockpiling|stockpiled|hoarding|hoarded|stashing|stashed|storing up|collecting|collected|gathering|saving)(?: [a-z]+){0,2}? (?:pills?|tablets?|meds|medications?|medicine|painkillers?|sleeping pills?|antidepressants?|opioids?|benzos?|xanax|lithium|prescriptions?|insulin)\\b(?! (?:from|at|for (?:my|the|a) (?!while))\\b)(?= for (?:weeks|months|a while|days)|$| so | to )|\\b(?:bought|tied|made|got|ordered|prepared|have) (?:a |the |my )?(?:noose|rope)\\b(?: [a-z]+){0,6}? (?:know what (?:its|it is) for|for myself|to hang|tonight|its ready|is ready|for it)\\b|\\b(?:tied|tying|bought|made) (?:a |the )?noose\\b`),
  rule("plan:overdose", "crisis", "en", `\\b(?:took|taken|swallowed|downed|take|taking|swallow|swallowing)\\b(?: [a-z0-9]+){0,3}? (?:all|every|whole|entire|[0-9]+|dozens|too many|bunch|handful|lot|bottle|box|packet|pack|strip|rest)\\b(?: [a-z0-9]+){0,4}? (?:pills?|tablets?|meds|medication|painkillers?|paracetamol|tylenol|ibuprofen|sleeping pills?)\\b|\\b(?:took|taken|take|taking|had|do|did|doing) an? (?:overdose|od)\\b`),
  rule("plan:place", "crisis", "en", `\\b(?:standing|sitting|stood|climbed|climbing) (?:on|at|onto|over) (?:the |a |this )?(?:edge|ledge|bridge|roof|rooftop|railing|tracks|train tracks|cliff|balcony)\\b|\\b(?:im|i am) (?:on|at) (?:the |a )?(?:edge|ledge|railing|train tracks|tracks)\\b`),
  rule("plan:method", "crisis", "en", `\\bhow (?:many|much)\\b(?: [a-z0-9]+){0,6}? (?:would it take|does it take|will it take|to (?:die|kill|not wake|never wake|overdose|end it)|is (?:lethal|fatal|deadly|enough to))\\b|\\b(?:painless|easiest|quickest|fastest|best|surest|quietest|least painful|simplest) (?:way|method|ways|methods) (?:to|of) (?:die|dying|kill myself|end it|end my life|commit suicide|suicide)\\b|\\bhow (?:high|tall|far)(?: [a-z]+){0,5}? (?:to die|to kill|to be fatal|to be lethal|would kill|would it take)\\b|\\b(?:lethal|fatal) dose\\b|\\b(?:researching|researched|googling|googled|looking up|looked up|searching|searched|reading about) (?:for )?(?:ways|methods|the best way|how) to (?:die|kill myself|end (?:it|my life)|commit suicide|overdose|hang myself)\\b|\\b(?:planning|planned|plan|plotting|preparing|prepared|scheduled) my (?:own )?(?:suicide|death|overdose)\\b|\\bmy suicide (?:plan|note|date)\\b`, { anchor: "open" }),
  rule("plan:goodbye", "crisis", "en", `\\bmy (?:goodbye|suicide|farewell) (?:note|letter|message)s?\\b|\\bthis is (?:my |the )?(?:last |final )?(?:goodbye|farewell|suicide note)\\b|\\b(?:final|last) goodbyes?\\b|\\b(?:say|saying|said|bid|bidding) (?:my )?goodbyes? (?:to (?:everyone|everybody|you all|all of you|the world|this world|my [a-z]+) )?(?:for good|forever|one last time|for the last time)\\b|\\bgoodbye (?:forever|world|cruel world)\\b|\\bsaid my (?:final |last )?goodbyes\\b|\\bby the time (?:you|anyone|someone|people|they|my [a-z]+) (?:read|reads|see|sees|find|finds|get|gets) (?:this|these|my)\\b|\\b(?:wont|will not) (?:be (?:alive|breathing)|be (?:here|around) (?:much longer|for long|anymore|after (?:tonight|today|this)))\\b|\\b(?:wrote|written|writing|write|left|leaving|prepared|finished) (?:[a-z]+ ){0,2}?(?:goodbye|suicide|farewell|final|last) (?:note|letter|message|video)s?\\b|\\b(?:note|letter)s? (?:[a-z]+ ){0,3}?for (?:after|when) (?:im|i am) gone\\b|\\bafter im gone\\b|\\b(?:gave|giving|give|given) (?:away )?(?:all )?(?:of )?my\\b(?: [a-z]+){0,6}? (?:wont|will not|dont|wouldnt) (?:need|be needing)\\b`),
  // The author echoing someone else's wish or death.
  rule("echo", "concern", "en", `\\b(?:me too|same here|i feel the same|so do i|i do too|same for me|i want to too|honestly same|(?:cause|because|cuz|coz|bc) i do|i want to join (?:him|her|them)|be with (?:him|her|them) again|thinking about doing it too|thinking about it too|considering it too|doing it too|do the same)\\b`, { anchor: "reply", negatable: false, needs: othersDeathTopic }),
  // "Everyone jokes about wanting to die, but I mean it."
  rule("wish-to-die", "concern", "en", `\\b(?:joke|jokes|joking|kid|kidding|talk|talks|talking|laugh|laughs) about (?:wanting to |want to )?(?:die|dying|kill(?:ing)? myself|suicide|ending it)\\b`, { negatable: false, needs: ownsIt }),
];
