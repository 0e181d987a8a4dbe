/**
 * The worked fact-check that ships with the demo article: enough claims, verdicts,
 * rationales and sources for a newcomer to see the tool in use. Verdicts name scale keys.
 */
export interface DemoClaim {
  quote: string;
  claimText?: string;
  claimant: string;
  /** When the claim was made, if not the article's date (null: unknown). */
  claimDate?: string | null;
  verdict: string | null;
  status: 'open' | 'in_review' | 'resolved';
  rationale: string;
  author: string;
  sources: Array<{ url: string; title: string; publisher: string; excerpt: string; accessedOn: string }>;
}

const ACCESSED = '2026-11-20';

export const DEMO_CLAIMS: DemoClaim[] = [
  {
    quote: 'the United States and other Western countries created IS and supported it',
    claimText: 'The United States and other Western countries created the Islamic State (IS).',
    claimant: 'Ali Khamenei',
    verdict: 'false',
    status: 'resolved',
    author: 'ana@claimdesk.demo',
    rationale:
      'IS grew out of al-Qaeda in Iraq, founded by Abu Musab al-Zarqawi (Jama’at al-Tawhid wal-Jihad, 1999) and rebuilt by Abu Bakr al-Baghdadi after 2010. No evidence shows the U.S. or its allies created or armed the group; U.S. policy failures in Iraq are a different claim from creation. The U.S.-led coalition has bombed IS since 2014, as the article itself notes.',
    sources: [
      { url: 'https://en.wikipedia.org/wiki/Islamic_State', title: 'Islamic State', publisher: 'Wikipedia', excerpt: 'The group has its origins in Jama’at al-Tawhid wal-Jihad, founded by Abu Musab al-Zarqawi in 1999.', accessedOn: ACCESSED },
      { url: 'https://en.wikipedia.org/wiki/Abu_Musab_al-Zarqawi', title: 'Abu Musab al-Zarqawi', publisher: 'Wikipedia', excerpt: 'Jordanian jihadist who ran a terrorist training camp in Afghanistan and led al-Qaeda in Iraq.', accessedOn: ACCESSED },
    ],
  },
  {
    quote: 'U.S.-backed Syrian armed groups recently managed to liberate Raqqa, the self-declared capital city of IS',
    claimant: 'Radio Farda (reporting)',
    verdict: 'true',
    status: 'resolved',
    author: 'kofi@claimdesk.demo',
    rationale: 'The U.S.-backed Syrian Democratic Forces declared Raqqa captured on 17 October 2017, about five weeks before this article.',
    sources: [
      { url: 'https://en.wikipedia.org/wiki/Raqqa_campaign_(2016%E2%80%932017)', title: 'Raqqa campaign (2016–2017)', publisher: 'Wikipedia', excerpt: 'On 17 October 2017, the SDF announced the capture of Raqqa.', accessedOn: ACCESSED },
    ],
  },
  {
    quote: 'Abu Kamal, the last stronghold of IS, is located on eastern part of Syria close to the Iraq border.',
    claimant: 'Radio Farda (reporting)',
    verdict: 'mostly-true',
    status: 'in_review',
    author: 'kofi@claimdesk.demo',
    rationale: 'Abu Kamal was the last sizeable town IS held in Syria when it fell in November 2017, and it lies on the Euphrates at the Iraqi border. “Last stronghold” overstates it: IS still held pockets of desert and villages along the Euphrates into 2019.',
    sources: [
      { url: 'https://en.wikipedia.org/wiki/Abu_Kamal_offensive_(2017)', title: 'Abu Kamal offensive (2017)', publisher: 'Wikipedia', excerpt: 'The town was the last major urban stronghold of ISIL in Syria.', accessedOn: ACCESSED },
    ],
  },
  {
    quote: 'Iran is insisting its role in the Syrian conflict goes no further than deploying military advisers at the request of Damascus',
    claimText: 'Iran’s role in the Syrian conflict goes no further than deploying military advisers at the request of Damascus.',
    claimant: 'Government of Iran',
    verdict: 'misleading',
    status: 'in_review',
    author: 'ana@claimdesk.demo',
    rationale: 'Damascus did request Iranian support, but the “advisers only” framing is contradicted by Iranian commanders killed in combat — including, per this article, two IRGC commanders at Abu Kamal — and by Soleimani personally leading operations.',
    sources: [
      { url: 'https://en.wikipedia.org/wiki/Iranian_involvement_in_the_Syrian_civil_war', title: 'Iranian involvement in the Syrian civil war', publisher: 'Wikipedia', excerpt: 'Iran has provided significant military support, including IRGC ground forces and commanders.', accessedOn: ACCESSED },
    ],
  },
  {
    quote: 'the Americans, through their ambassador in Baghdad, requested our cooperation in confronting IS, but I rejected it',
    claimText: 'The U.S. asked Iran, through its ambassador in Baghdad, to cooperate against IS, and Khamenei refused.',
    claimant: 'Ali Khamenei',
    claimDate: '2014-09-15',
    verdict: 'unproven',
    status: 'open',
    author: 'ana@claimdesk.demo',
    rationale: 'Only Khamenei’s own account (2014) supports this; U.S. officials acknowledged indirect contacts with Iran about Iraq but we found no record of the request as described.',
    sources: [],
  },
  {
    quote: 'If Soleimani were not present in Syria, there would have been no IS.',
    claimant: 'Mehdi Khazali',
    // "said last year": sometime in 2016, day unknown.
    claimDate: null,
    verdict: 'not-checkable',
    status: 'resolved',
    author: 'kofi@claimdesk.demo',
    rationale: 'A counterfactual opinion: it cannot be verified or refuted with evidence.',
    sources: [],
  },
  {
    quote: 'Syria, where a civil war has been raging since 2011, when popular protests began against Assad’s rule',
    claimant: 'Radio Farda (reporting)',
    verdict: null,
    status: 'open',
    author: 'kofi@claimdesk.demo',
    rationale: '',
    sources: [
      { url: 'https://en.wikipedia.org/wiki/Syrian_civil_war', title: 'Syrian civil war', publisher: 'Wikipedia', excerpt: 'The unrest began in March 2011 as part of the wider Arab Spring protests.', accessedOn: ACCESSED },
    ],
  },
];
