import type { Prng } from './prng';

/**
 * Words in rough order of frequency. Text is drawn from them with a Zipf distribution, so a few words
 * are everywhere (worst case for full-text search), most are moderately common and the tail is rare,
 * as in real notes.
 */
const FUNCTION_WORDS = (
  'the and to of a in that is i it for was on with we this my but be have not at are as from they about ' +
  'more what so if or he she had by an all there one would will can their just when out up some do were ' +
  'been has which them than then also how our could after into only now because very much even still ' +
  'before over new next first last other most really again today week'
).split(' ');

const CONTENT_WORDS = (
  'meeting team project work review plan task code design release feedback goal progress idea problem ' +
  'customer manager deadline sprint backlog priority decision question answer call email report data ' +
  'feature bug test deploy deployment server database query index performance latency memory cache ' +
  'migration schema api client service worker browser mobile desktop interface component layout style ' +
  'document draft proposal budget estimate risk issue incident outage postmortem retrospective standup ' +
  'roadmap quarter milestone objective result metric dashboard analytics experiment hypothesis user ' +
  'interview research prototype sketch wireframe mockup pairing mentoring coaching hiring onboarding ' +
  'promotion career growth skill learning course book article talk conference workshop presentation ' +
  'slides demo stakeholder alignment strategy vision mission value culture process workflow automation ' +
  'pipeline build compile typescript javascript python rust golang kotlin swift sql sqlite postgres ' +
  'kubernetes docker terraform cloud storage network security privacy encryption authentication login ' +
  'permission role access token session cookie request response error exception crash regression ' +
  'refactor cleanup debt architecture module package dependency upgrade version library framework ' +
  'svelte react vue angular node deno webassembly wasm worker thread async promise callback event stream ' +
  'queue batch transaction commit rollback journal snapshot backup restore export import sync offline ' +
  'energy focus morning afternoon evening night sleep tired rested calm stressed anxious happy proud ' +
  'grateful frustrated curious motivated overwhelmed relaxed walk run gym yoga swim bike lunch dinner ' +
  'coffee tea breakfast family friend partner kids weekend holiday vacation travel trip train flight ' +
  'rain sun snow wind cold warm home office remote commute desk chair notebook calendar agenda note ' +
  'summary outcome action followup blocker dependency handoff ownership accountability trust conflict ' +
  'negotiation agreement contract vendor partner supplier invoice payment pricing revenue cost saving ' +
  'scope requirement specification acceptance criteria story epic ticket estimate velocity capacity ' +
  'planning prioritization tradeoff constraint assumption evidence insight pattern trend anomaly ' +
  'habit routine streak journal reflection gratitude lesson mistake failure success win celebration'
).split(' ');

const RARE_WORDS = (
  'zettelkasten idempotency backpressure quorum sharding bloom tombstone vectorclock crdt raft paxos ' +
  'heisenbug flamegraph bisect monorepo canary bluegreen feature-flag chaos fuzzing mutation property ' +
  'invariant linearizable serializable snapshot-isolation wal fsync mmap btree lsm compaction vacuum ' +
  'checkpoint pagecache prefetch coalesce debounce throttle memoize virtualization hydration treeshaking ' +
  'sourcemap minifier polyfill transpile codemod lint formatter pomodoro timeboxing eisenhower kanban ' +
  'okr kpi nps churn cohort funnel retention activation onboarding-flow accessibility screenreader aria ' +
  'contrast keyboard focus-trap tabindex landmark semantic microcopy localization pluralization unicode ' +
  'diacritics tokenizer stemming trigram bm25 ranking relevance recall precision'
).split(/\s+/).map((word) => word.replace(/-/g, ''));

export const FIRST_NAMES = (
  'Ada Alan Alice Amara Ana Andrea Anton Aria Ben Bianca Carlos Chen Chloe Dana Daniel David Diego Elena ' +
  'Emil Emma Eva Farah Felix Grace Hana Hugo Ines Ivan Jana Jonas Julia Kai Karin Kenji Lara Leo Lina ' +
  'Luca Maya Mia Mikael Nadia Noah Nora Omar Oskar Paula Priya Rafael Rosa Sami Sara Sofia Tariq Theo ' +
  'Uma Vera Wen Yara Yusuf Zoe'
).split(' ');

export const LAST_NAMES = (
  'Abbott Andersen Baker Berg Costa Cruz Dahl Diaz Eriksson Fischer Garcia Gupta Haas Ivanova Jensen ' +
  'Kaur Kim Kowalski Larsen Lopez Martin Meyer Moreau Nakamura Novak Okafor Olsen Park Patel Petrov ' +
  'Quinn Rossi Santos Schmidt Silva Singh Sousa Tanaka Torres Ueda Varga Wagner Weber Wong Yilmaz Zhang'
).split(' ');

const VOCABULARY: readonly string[] = [...FUNCTION_WORDS, ...CONTENT_WORDS, ...RARE_WORDS];

/** Cumulative Zipf weights (s = 0.95) over the vocabulary, for binary search. */
const CUMULATIVE: readonly number[] = (() => {
  const weights = VOCABULARY.map((_, rank) => 1 / Math.pow(rank + 1, 0.95));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let running = 0;
  return weights.map((weight) => (running += weight / total));
})();

export function word(random: Prng): string {
  const roll = random.next();
  let low = 0;
  let high = CUMULATIVE.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((CUMULATIVE[middle] ?? 1) < roll) low = middle + 1;
    else high = middle;
  }
  return VOCABULARY[low] ?? 'note';
}

/** A content word, uniformly (for titles: they name things). */
export function contentWord(random: Prng): string {
  return random.pick(CONTENT_WORDS);
}

export function sentence(random: Prng, minWords = 6, maxWords = 18): string {
  const count = random.int(minWords, maxWords);
  const words: string[] = [];
  for (let i = 0; i < count; i++) words.push(word(random));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1) + random.pick(['.', '.', '.', '?', '!']);
}

/** Prose of about `words` words in paragraphs. */
export function prose(random: Prng, words: number): string {
  const paragraphs: string[] = [];
  let written = 0;
  while (written < words) {
    const sentences: string[] = [];
    const target = random.int(3, 7);
    for (let i = 0; i < target && written < words; i++) {
      const next = sentence(random);
      written += next.split(' ').length;
      sentences.push(next);
    }
    paragraphs.push(sentences.join(' '));
  }
  return paragraphs.join('\n\n');
}

/** A short title: "Review deployment pipeline", "Plan quarter roadmap". */
export function title(random: Prng, minWords = 2, maxWords = 6): string {
  const verb = random.pick(TITLE_VERBS);
  const count = random.int(Math.max(1, minWords - 1), Math.max(1, maxWords - 1));
  const words = [verb];
  for (let i = 0; i < count; i++) words.push(random.chance(0.8) ? contentWord(random) : word(random));
  return words.join(' ');
}

const TITLE_VERBS = (
  'Review Plan Write Fix Ship Prepare Discuss Read Update Check Draft Refactor Test Deploy Measure ' +
  'Design Document Call Email Schedule Clean Learn Practise Finish Start Explore Decide Summarise'
).split(' ');

export function personName(random: Prng): string {
  return `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
}

/** Queries a person would type into search: common, rare, two words, a prefix still being typed. */
export const SEARCH_QUERIES: readonly { readonly label: string; readonly query: string }[] = [
  { label: 'one common word', query: 'meeting' },
  { label: 'one rare word', query: 'idempotency' },
  { label: 'two words', query: 'database migration' },
  { label: 'prefix while typing', query: 'deplo' },
  { label: 'three words', query: 'team review feedback' },
  { label: "a person's name", query: 'Nakamura' },
  { label: 'very frequent word (worst case)', query: 'the' }
];

/** `count` FTS queries drawn from the vocabulary, for the peers workload (same on every stack). */
export function peerQueries(random: Prng, count: number): string[][] {
  const queries: string[][] = [];
  for (let i = 0; i < count; i++) {
    const kind = random.weighted<'one' | 'two' | 'rare'>([
      ['one', 0.5],
      ['two', 0.3],
      ['rare', 0.2]
    ]);
    if (kind === 'one') queries.push([random.pick(CONTENT_WORDS)]);
    else if (kind === 'two') queries.push([random.pick(CONTENT_WORDS), random.pick(CONTENT_WORDS)]);
    else queries.push([random.pick(RARE_WORDS)]);
  }
  return queries;
}
