/**
 * The experience tags a fresh instance starts with. They name experiences in
 * plain words, never diagnoses (product.md: "not based on psychiatric models
 * and diagnostic criteria"). The organization can rename, add and retire them.
 */
export const defaultExperiences: ReadonlyArray<{ id: string; label: string; description: string }> = [
  { id: "heard-voices", label: "Heard voices others don't", description: "Hearing, seeing or sensing things other people don't." },
  { id: "unusual-beliefs", label: "Beliefs others found unusual", description: "Holding beliefs or experiences that others called strange or unreal." },
  { id: "involuntary-hospitalization", label: "Involuntary hospitalization", description: "Being held in a hospital or ward against your will." },
  { id: "psychiatric-hospital-stay", label: "A stay in a psychiatric hospital", description: "Time spent on a ward, by choice or not." },
  { id: "forced-treatment", label: "Forced or coerced treatment", description: "Restraint, seclusion, forced medication or treatment you did not agree to." },
  { id: "medication-side-effects", label: "Psychiatric medication side effects", description: "Living with, or coming off, medication and its effects." },
  { id: "suicidal-feelings", label: "Suicidal thoughts or feelings", description: "Having thought about ending your life, now or in the past." },
  { id: "self-harm", label: "Self-harm", description: "Hurting yourself to cope, now or in the past." },
  { id: "loss-to-suicide", label: "Loss of someone to suicide", description: "Someone you love died by suicide." },
  { id: "grief", label: "Grief and bereavement", description: "Living with the death of someone close." },
  { id: "recovery-alcohol-drugs", label: "Recovery from alcohol or drugs", description: "Stopping, cutting down or living in recovery from alcohol or drugs." },
  { id: "gambling", label: "Gambling", description: "Struggling with gambling, or recovering from it." },
  { id: "disability-income", label: "Lives on disability income", description: "Living on disability benefits and dealing with the system around them." },
  { id: "homelessness", label: "Homelessness", description: "Being without a home, now or in the past." },
  { id: "leaving-abuse", label: "Leaving an abusive relationship", description: "Getting out of, or living after, an abusive relationship." },
  { id: "childhood-trauma", label: "Hard things in childhood", description: "Abuse, neglect or other hard things that happened when you were young." },
  { id: "sexual-violence", label: "Surviving sexual violence", description: "Living after sexual assault or abuse." },
  { id: "trauma", label: "Living after trauma", description: "Flashbacks, nightmares or feeling on guard after something terrible." },
  { id: "caring-for-family", label: "Caring for a family member", description: "Looking after someone you love who struggles." },
  { id: "lonely-isolated", label: "Loneliness and isolation", description: "Feeling alone or cut off from people." },
  { id: "overwhelming-moods", label: "Overwhelming moods", description: "Very low, very high or fast-changing moods." },
  { id: "anxiety-panic", label: "Anxiety and panic", description: "Fear or panic that takes over." },
  { id: "eating-food", label: "Struggles with eating and food", description: "A hard relationship with food, eating or your body." },
  { id: "intrusive-thoughts", label: "Intrusive thoughts", description: "Thoughts or urges that come back again and again." },
  { id: "prison-justice", label: "Prison or the justice system", description: "Time in prison or dealings with police and courts." },
  { id: "lgbtq-life", label: "Being LGBTQ+", description: "Living as a lesbian, gay, bi, trans or queer person." },
  { id: "racism-discrimination", label: "Racism and discrimination", description: "Being treated unfairly for who you are." },
  { id: "chronic-illness-pain", label: "Chronic illness or pain", description: "Living with a long-term illness or pain." },
  { id: "unemployment-money", label: "Money worries and losing work", description: "Debt, poverty or losing a job." },
  { id: "new-parent", label: "Becoming a parent", description: "Pregnancy, birth or early parenthood that was hard." },
  { id: "migration", label: "Moving to a new country", description: "Migration, asylum or starting over far from home." },
  { id: "peer-work", label: "Working as a peer supporter", description: "Supporting others from your own experience, and what that takes." },
];
