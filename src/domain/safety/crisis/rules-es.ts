/**
 * Spanish rules. Spanish marks the person on the verb, so the first person is found in
 * "quiero", "voy a", "pienso" and in the reflexive endings ("matarme", "morirme",
 * "hacerme daño") rather than in a subject pronoun. Third-person forms ("quiere morir",
 * "se quiere matar") are left to the author's words about others.
 */
import { othersDeathTopic, suicideContext } from "./context-markers.js";
import { oneOf, rule } from "./rule.js";
import type { Rule } from "./types.js";

const wish = oneOf([
  "quiero", "quisiera", "queria", "quise", "querer", "necesito", "deseo", "desearia", "me gustaria",
  "(?:tengo|tenia|siento) (?:muchas |tantas |unas )?ganas de", "me (?:dan|entran|daban) (?:muchas )?ganas de",
  "(?:pienso|estoy pensando|pensando|he pensado|pense|pensaba|he estado pensando|solo pienso|sigo pensando) (?:mucho |bastante |tanto |seriamente |cada dia |todo el dia |todos los dias )?en", "pienso",
  "(?:ya )?es hora de", "ha llegado la hora de", "llego el momento de", "planeo", "estoy planeando", "voy a", "iba a", "decidi",
  "he decidido", "estoy list[oa] para", "prefiero", "preferiria", "ojala pudiera", "intente", "he intentado",
  "intento", "trato de", "para", "podria", "deberia", "debo", "tengo que", "solia", "(?:estoy )?decidid[oa] a",
  "(?:estoy )?dispuest[oa] a", "(?:estoy )?a punto de", "merezco", "queda es",
]);
const adverbs = `(?:${oneOf(["ya", "solo", "solamente", "de verdad", "en serio", "realmente", "simplemente", "literalmente", "mejor", "de una vez", "por fin", "tan solo", "volver a"])} ){0,2}`;
const death = oneOf([
  "morir(?:me)?", "matarme", "suicidarme", "quitarme la vida", "acabar con (?:mi vida|todo|conmigo|mi existencia|esto de una vez)",
  "terminar con (?:mi vida|todo|conmigo)", "ponerle fin a (?:mi vida|todo)", "dejar de (?:existir|vivir|respirar|estar aqui)",
  "no (?:despertar(?:me)?|existir|estar aqui|seguir aqui|vivir mas)", "estar muert[oa]", "muert[oa]",
  "desaparecer(?= para siempre| del mundo| de este mundo| de la faz| sin dejar rastro| y no volver|$)",
  "irme (?:para siempre|de este mundo)", "(?:tirarme|lanzarme) (?:de|del|desde|por|al|a la|a las|bajo|delante)",
  "saltar (?:del|desde|por la|de la|de un|de una|de mi|al vacio|a las vias|al tren|delante)",
  "colgarme", "ahorcarme", "envenenarme", "cortarme las venas", "(?:el )?suicidio", "quitarme de en medio",
  "una sobredosis", "dormir(?:me)? para siempre",
]);
/** The same verbs with the pronoun in front: "me quiero morir", "me voy a matar". */
const cliticDeath = oneOf([
  "morir", "matar", "suicidar", "quitar la vida", "tirar (?:de|del|desde|por|al|a la|a las)", "colgar", "ahorcar",
  "ir para siempre", "ir de este mundo", "envenenar",
]);
const cliticHarm = oneOf([
  "cortar(?= las venas| otra vez| los brazos| las piernas|$)", "hacer dano", "lastimar", "autolesionar", "quemar(?= otra vez| a proposito|$)",
]);
const cliticVerb = oneOf([
  "quiero", "voy a", "gustaria", "dan ganas de", "quisiera", "iba a", "tengo que", "deberia", "podria", "intente",
  "he intentado", "pienso", "hare", "haria", "vuelvo a",
]);
const selfHarm = oneOf([
  "cortarme(?! el pelo| las unas| el flequillo| el dedo)", "hacerme dano", "lastimarme", "autolesionarme", "herirme",
  "quemarme(?! con el sol)", "golpearme", "hacerme cortes", "sangrar",
]);
const life = oneOf([
  "vivir(?! en| con| aqui| alli| solo| sola| juntos| sin)", "viviendo", "seguir viviendo", "seguir viv[oa]", "seguir aqui",
  "seguir con vida", "estar viv[oa]", "existir", "despertar(?:me)?", "estar aqui(?! en| con)", "vivir mas", "vivir asi",
  "seguir adelante con mi vida", "la vida", "mi vida", "seguir$", "estar en este mundo", "seguir en este mundo", "seguir con (?:esta|mi) vida",
]);
const lifeVerb = oneOf([
  "quiero", "quiero seguir", "tengo ganas de", "deseo", "puedo", "puedo seguir", "aguanto", "soporto", "me apetece",
  "se si quiero", "merezco", "(?:le )?(?:veo|encuentro|hallo) (?:ningun )?(?:sentido|motivos?|razon(?:es)?)(?: alguno)? (?:a|para|de|en)", "tengo (?:razon|razones|motivo|motivos|por que|para que|fuerzas|ganas)(?: para| de)?",
  "quiero seguir", "queria", "queria seguir",
]);

export const spanishRules: readonly Rule[] = [
  rule("wish-to-die", "concern", "es", `\\b(?<verb>${wish}) ${adverbs}${death}\\b`, { idiomProne: true }),
  rule("wish-to-die", "concern", "es", `\\bme (?<verb>${cliticVerb}) ${adverbs}${cliticDeath}\\b`, { idiomProne: true }),
  rule("wish-to-die", "concern", "es", `\\b(?:las |mis |unas |tantas )?ganas de (?:morir(?:me)?|matarme|suicidarme|no despertar|dejar de existir)\\b`, { anchor: "open", idiomProne: true }),
  rule("wish-to-die", "concern", "es", `\\bojala (?:no despert\\w*|no me despiert\\w*|me muer\\w*|me muri\\w*|estuviera muert[oa]|estar muert[oa]|no existiera|no existir|no (?:hubiera|haber) nacido|nunca (?:hubiera|haber) nacido|desaparec\\w*|me atropell\\w*|me pase algo|se acabe todo|todo se acabe|dormir y no despertar)\\b`, { negatable: false }),
  rule("self-kill", "concern", "es", `\\b(?:suicidarme|quitarme la vida|quitarme de en medio|ahorcarme|me suicid\\w+|matarme)\\b|\\b(?:manana|hoy|esta noche|ahora mismo|ya) me mato\\b|\\bme mato (?:manana|hoy|esta noche|ahora mismo)\\b`, { anchor: "open", idiomProne: true }),
  rule("wish-to-die", "concern", "es", `\\bquiero que (?:todo|mi vida) (?:se )?(?:acabe|termine)(?! bien)\\b`),
  rule("no-way-out", "concern", "es", `\\b(?:lo mejor|la unica salida|la unica opcion|la unica solucion|mi unica salida) (?:seria|es|sera) (?:morir(?:me)?|matarme|suicidarme|desaparecer|quitarme de en medio|acabar con todo|la muerte|el suicidio)\\b|\\b(?:el suicidio|la muerte|morir(?:me)?|matarme) (?:es|parece|seria) (?:la|mi) (?:unica|ultima|mejor) (?:salida|opcion|solucion)\\b`, { anchor: "open" }),
  rule("no-wish-to-live", "concern", "es", `\\bcuanto (?:tiempo )?mas (?:voy a |puedo |podre )?(?:aguantar|seguir|resistir)(?= viv[oa]| con vida| aqui| en este mundo|$)`, { negatable: false }),
  rule("death-appeals", "concern", "es", `\\b(?:la muerte|morir(?:me)?|estar muert[oa]|no despertar|dejar de existir) (?:suena|parece|seria|es|me parece) (?:tan |muy |cada vez mas )?(?:bien|bonit[oa]|tentador[a]?|un alivio|mejor|lo mejor|la solucion|una liberacion|buena idea)\\b`, { anchor: "open", idiomProne: true }),
  rule("fear-of-self", "concern", "es", `\\b(?:tengo miedo|me da miedo|temo) (?:de )?(?:hacerme algo|hacerme dano|mi mism[oa]|lo que (?:pueda|podria|voy a) hacer(?:me)?)\\b`, { anchor: "open" }),
  rule("no-wish-to-live", "concern", "es", `\\bno creo que (?:siga|este|vaya a estar|vaya a seguir|dure|aguante) (?:aqui |viv[oa] |con vida |en este mundo )?(?:mucho tiempo|mucho mas|mas tiempo|mucho)\\b`, { negatable: false }),
  rule("voices-command", "concern", "es", `\\b(?:las voces|una voz|la voz|mi (?:mente|cabeza)) (?:[a-z]+ ){0,2}?(?:me dicen?|me piden?|me ordenan?|quieren?) que (?:me (?:mate|muera|suicide|corte|haga dano|tire)|muera)\\b`, { negatable: false }),
  rule("plan:intent", "crisis", "es", `\\b(?:voy a|pienso|quiero|estoy pensando en|he decidido|decidi) (?:por fin |ya )?hacerlo\\b|\\bhacer (?:una tonteria|una locura|algo (?:estupido|drastico))\\b|\\b(?:ya )?tengo todo (?:planeado|preparado|listo)\\b`, { needs: suicideContext }),
  rule("no-wake", "concern", "es", `\\b(?:dormir|dormirme) y no (?:volver a )?despertar(?:me)?\\b|\\bno despertar (?:nunca|jamas|mas)\\b|\\bno volver a despertar(?:me)?\\b`, { negatable: false }),
  rule("suicidal", "concern", "es", `\\b(?:me siento|estoy|soy|sentirme|me he sentido|he estado|ando) (?:muy |tan |bastante |un poco |algo )?suicida\\b|\\b(?:tengo|tener|con|teniendo|he tenido|tenia) (?:[a-z]+ ){0,2}?(?:pensamientos|ideas|ideacion|impulsos|deseos) (?:suicidas|de suicidio|de morir(?:me)?|de matarme|de hacerme dano|de quitarme la vida)\\b|\\bpienso (?:mucho |todo el dia |cada dia |siempre )?en (?:el )?suicidio\\b`, { anchor: "open" }),
  rule("no-wish-to-live", "concern", "es", `\\b(?:ya )?(?:no|nunca) (?:me )?${lifeVerb} (?:mas )?${life}\\b`, { negatable: false }),
  rule("no-wish-to-live", "concern", "es", `\\b(?:no me importa|no me importaria|me da igual|me daria igual) (?:si me muero|morir(?:me)?|si muero|vivir o morir|que me muera)\\b`, { negatable: false }),
  rule("no-reason-to-live", "concern", "es", `\\bpara que (?:seguir )?(?:vivir|viviendo|viv[oa]|aqui|existir|seguir)\\b|\\bla vida no (?:tiene sentido|vale la pena|merece la pena)\\b|\\bno vale la pena (?:vivir|seguir)\\b|\\bno tiene sentido (?:vivir|seguir viviendo|seguir aqui|mi vida)\\b|\\bmi vida no tiene sentido\\b`, { anchor: "open", negatable: false, idiomProne: true }),
  rule("tired-of-life", "concern", "es", `\\bno (?:aguanto|soporto|puedo con|tolero) (?:mas )?(?:esta|mi) vida\\b|\\b(?:harto|harta|cansado|cansada|agotado|agotada) de (?:vivir(?! (?:con|en|aqui|alli|sol[oa]|lejos|cerca|de)\\b)|estar viv[oa]|existir|la vida|mi vida|seguir viv[oa]|respirar)\\b`),
  rule("burden", "concern", "es", `\\b(?:estarian|estaria|estaran|vivirian|seria|serian|viviria) (?:[a-z]+ ){0,2}?(?:mejor|tranquil[oa]s?|felices|feliz|aliviad[oa]s?) (?:sin mi|si (?:yo )?(?:no (?:estuviera|existiera|estuviese)|desapareciera|me muriera|me fuera|muriera))\\b|\\bmejor (?:si|cuando) (?:yo )?(?:no (?:estuviera|existiera|estuviese|existiese|estoy|existo)|me muriera|me muero|muriera|desapareciera|me fuera para siempre)\\b|\\b(?:soy|me siento|ser) una carga\\b|\\bnadie me (?:extranaria|echaria de menos|lloraria)\\b|\\ba nadie le importaria (?:si|que) me\\b|\\bnadie (?:notaria|se daria cuenta|se enteraria) (?:si|de que) (?:me muero|me muriera|desaparezco|desapareciera|no estoy|no estuviera)\\b`),
  rule("unafraid-of-death", "concern", "es", `\\b(?:ya )?no (?:me da|tengo) miedo (?:a|de) (?:la muerte|morir(?:me)?)\\b`, { negatable: false }),
  rule("attempt", "concern", "es", `\\bmi (?:ultimo |primer |segundo )?intento(?: de suicidio)?\\b|\\b(?:tuve|he tenido|sobrevivi a) un intento\\b`, { alwaysPast: true }),
  rule("self-harm", "concern", "es", `\\b(?<verb>${wish}) ${adverbs}${selfHarm}\\b`),
  rule("self-harm", "concern", "es", `\\bme (?<verb>${cliticVerb}) ${adverbs}${cliticHarm}`),
  rule("self-harm", "concern", "es", `\\bme (?:corte|cortaba|corto|estoy cortando|he cortado|he vuelto a cortar|volvi a cortar|sigo cortando|hago dano|he hecho dano|hice dano|estoy haciendo dano|lastimo|lastime|he lastimado|estoy lastimando|quemo|queme|he quemado|autolesiono|autolesione|he autolesionado|golpeo|golpee|hare dano|haria dano|hice cortes|hago cortes|he hecho cortes|estoy quemando|he estado quemando|estoy golpeando|he estado cortando)(?= (?:otra vez|de nuevo|anoche|ayer|hoy|a proposito|en (?:los|las|el|la|mis|mi) (?:brazos?|piernas?|munecas?|muslos?|piel)|los brazos|las piernas|las munecas|el brazo|la pierna|la muneca|los muslos|el muslo|la piel|para|porque|cuando|hasta|mucho|mas)\\b|$)`),
  rule("self-harm", "concern", "es", `\\b(?:recai|he recaido|volvi a caer|recaida) (?:en|con) (?:las |la )?(?:autolesiones|autolesion|cortes|cortarme|hacerme dano)\\b`),
  rule("plan:means", "crisis", "es", `\\b(?:pastillas|pildoras|medicinas|medicamentos|cuchillas|cuchilla|navaja|cuerda|soga|pistola|arma)(?: (?!para\\b)[a-z]+){0,3}? (?:delante de mi|enfrente de mi|frente a mi|aqui conmigo|en la mano|listas?|preparad[oa]s?|contad[oa]s?|cargad[oa])\\b`, { anchor: "open" }),
  rule("plan:means", "crisis", "es", `\\b(?:guardando|juntando|acumulando|guarde|junte|acumule|ahorrando) (?:[a-z]+ ){0,2}?(?:pastillas|pildoras|medicamentos|medicinas|medicacion)\\b`),
  rule("plan:overdose", "crisis", "es", `\\b(?:me )?(?:tome|he tomado|tomo|voy a tomar|tomarme|me tomo|me tome|trague|me trague|me he tomado)(?: [a-z]+){0,2}? (?:todas|todo|un bote|el bote|una caja|la caja|un frasco|el frasco|un blister|[0-9]+|muchas|demasiadas|un monton|monton|un punado|varias|todas mis)(?: [a-z]+){0,3}? (?:pastillas|pildoras|medicamentos|medicinas)\\b|\\b(?:tome|me tome|tuve|hice) una sobredosis\\b`),
  rule("plan:place", "crisis", "es", `\\b(?:estoy|ando|sigo) (?:en|sobre|encima de) (?:el |la |un |una |este |esta )?(?:puente|azotea|cornisa|borde|barandilla|vias|via del tren|acantilado)\\b(?! con (?:mis|mi|unos|unas|los|las|la|el)\\b)`),
  rule("plan:method", "crisis", "es", `\\bcuant[ao]s? (?:[a-z]+ ){0,4}?(?:hacen falta|necesito|se necesitan|hay que tomar|tengo que tomar)(?: [a-z]+){0,2}? para (?:morir|matarme|no despertar|una sobredosis|suicidarme)\\b|\\b(?:forma|manera|metodo) (?:mas )?(?:facil|rapida|rapido|indolora|segura|efectiva|sencilla) (?:de|para) (?:morir|matarme|suicidarme|quitarme la vida)\\b|\\bdosis letal\\b|\\bya se como (?:lo voy a hacer|me voy a matar|hacerlo|voy a morir)\\b`, { anchor: "open" }),
  rule("plan:goodbye", "crisis", "es", `\\b(?:esta es|este es) mi (?:despedida|ultimo mensaje|adios)\\b|\\b(?:escribi|he escrito|escribiendo|deje|dejo|tengo) (?:ya )?(?:mi |una |las |mis )?(?:carta|cartas|nota|notas|mensaje|mensajes) (?:de despedida|de suicidio|de adios)\\b|\\bmi (?:carta|nota) de despedida\\b|\\bcuando (?:leas|lean|leais|vean|veas) esto (?:ya )?(?:no )?(?:estare|voy a estar|estar|estoy)\\b|\\b(?:no|ya no) (?:voy a estar|estare) (?:aqui )?(?:manana|para|cuando)\\b|\\badios para siempre\\b|\\bme despido (?:de [a-z]+ )?para siempre\\b`),
  rule("echo", "concern", "es", `\\b(?:yo tambien|a mi tambien|igual que (?:el|ella)|me pasa lo mismo|yo igual|quiero irme con (?:el|ella|ellos|ellas)|quiero ir con (?:el|ella)|reunirme con (?:el|ella)|hacer lo mismo)\\b`, { anchor: "reply", negatable: false, needs: othersDeathTopic }),
];
