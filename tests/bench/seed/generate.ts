/// <reference types="node" />
/**
 * Fills a Daybook database with years of heavy daily use, through the app's own command handlers
 * (the same code the worker runs for every call: valibot schema, handler, repository, triggers).
 * Deterministic: the same seed, years and end day give the same rows and the same ids.
 */
import * as v from 'valibot';
import { commands } from '../../../src/lib/db/commands';
import { openTestDatabase } from '../../../src/lib/db/testing';
import { mergeSearchSegments } from '../../../src/lib/db/search-merge';
import type { AnyCommand } from '../../../src/lib/rpc/command';
import type { CommandInput, CommandName, CommandOutput } from '../../../src/lib/rpc/contract';
import { Prng } from '../shared/prng';
import { personName, prose, sentence, title, word } from '../shared/text';
import { addDays, isoWeekday, timestampOn } from '../shared/days';
import { setUuidSource } from './uuidv7';

export interface GenerateOptions {
  readonly years: number;
  readonly seed: string;
  /** The last day of use, `YYYY-MM-DD`: the day Today shows. */
  readonly endDay: string;
  readonly onProgress?: (message: string) => void;
}

export interface GenerateResult {
  readonly bytes: Uint8Array;
  readonly startDay: string;
  readonly counts: Readonly<Record<string, number>>;
  readonly commandsRun: number;
  readonly schemaVersion: number;
  /** How many tasks have the end day as their focus day (what Today shows). */
  readonly todayTasks: number;
}

type GoalLevel = 'ultimate' | 'long_term' | 'mid_term' | 'short_term' | 'immediate' | 'micro' | 'nano';
const GOAL_LEVELS: readonly GoalLevel[] = ['ultimate', 'long_term', 'mid_term', 'short_term', 'immediate', 'micro', 'nano'];
/** How far ahead a goal of each level aims, in days. */
const GOAL_HORIZON: Readonly<Record<GoalLevel, number>> = {
  ultimate: 3650,
  long_term: 1095,
  mid_term: 365,
  short_term: 90,
  immediate: 14,
  micro: 3,
  nano: 1
};

/** Rates per working day (Mon-Fri outside holidays) or per calendar day, tuned to the 10-year counts. */
const PER_WORKING_DAY = {
  topLevelTasks: [13, 21] as const,
  meetings: 2.54,
  learnings: 1.27,
  practiceSessions: 1.27,
  feedback: 0.64,
  energyCheckins: 1.06,
  decisions: 0.25,
  people: 0.6,
  organizations: 0.012,
  projects: 0.032,
  skills: 0.017,
  skillChanges: 0.05
};
const PER_DAY = { journal: 1.1, moodLogs: 4.1, events: 0.55, goals: 1.37 };

const TAG_NAMES: readonly string[] = (
  'work personal learning health career reading writing research design engineering leadership hiring ' +
  'mentoring architecture frontend backend database performance security testing release incident ' +
  'planning retro strategy product customer team family travel fitness sleep mindfulness finance ' +
  'side-project open-source conference course book podcast idea question follow-up urgent someday ' +
  'blocked waiting quick-win deep-work admin meeting-notes one-on-one feedback review onboarding ' +
  'documentation refactoring infrastructure cloud mobile accessibility analytics experiment growth'
)
  .split(/\s+/)
  .filter((name) => name.length > 0);

const HABIT_NAMES: readonly string[] = [
  'Morning walk', 'Read 20 pages', 'Meditate', 'Write morning pages', 'Stretch', 'No phone after 21:00',
  'Drink 2 l of water', 'Practise a language', 'Plan tomorrow', 'Review the day', 'Strength training',
  'Run', 'Floss', 'Gratitude note', 'Inbox zero', 'Code kata', 'Sleep by 23:00', 'Eat vegetables',
  'Deep work block', 'Journal', 'Cycle to work', 'Learn a new shortcut', 'Call a friend', 'Tidy the desk',
  'Yoga', 'Piano practice', 'Read an article', 'Weekly review', 'Swim', 'Cook at home'
];

type Call = <K extends CommandName>(name: K, input: CommandInput<K>) => Promise<CommandOutput<K>>;

interface HabitPlan {
  readonly id: string;
  readonly frequency: 'daily' | 'specific_days' | 'times_per_week';
  readonly targetDays: readonly number[];
  readonly startDay: string;
  readonly endDay: string | null;
}

/** Fractional rates become whole counts that average to the rate. */
function countFor(random: Prng, rate: number): number {
  const whole = Math.floor(rate);
  return whole + (random.chance(rate - whole) ? 1 : 0);
}

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const random = new Prng(`${options.seed}/${options.years}/${options.endDay}`);
  const totalDays = Math.round(options.years * 365.25);
  const startDay = addDays(options.endDay, -(totalDays - 1));
  let nowMs = Date.parse(`${startDay}T08:00:00.000Z`);
  const idRandom = new Prng(`${options.seed}/ids`);
  setUuidSource({ clock: () => nowMs, random: () => idRandom.next() });

  const database = await openTestDatabase({ now: () => new Date(nowMs) });
  const { host, context } = database;
  if (host.status.state !== 'ready') throw new Error(`The database did not open: ${JSON.stringify(host.status)}`);
  const schemaVersion = host.status.schemaVersion;
  let commandsRun = 0;

  const call: Call = async (name, input) => {
    const definition: AnyCommand = commands[name];
    const parsed = v.safeParse(definition.input, input);
    if (!parsed.success) throw new Error(`${name}: invalid input (${parsed.issues[0].message}) ${JSON.stringify(input)}`);
    commandsRun++;
    try {
      return (await definition.run(context, parsed.output)) as Awaited<CommandOutput<typeof name>>;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`${name} failed: ${message} ${JSON.stringify(input)}`);
    }
  };

  /** Moves the virtual clock to a moment of a day (minutes after midnight, UTC = local here). */
  const at = (day: string, minutes: number) => {
    const next = Date.parse(`${day}T00:00:00.000Z`) + Math.round(minutes * 60_000);
    nowMs = Math.max(nowMs + 1, next);
  };

  // Everything created so far, for references.
  const organizations: string[] = [];
  const people: string[] = [];
  const projects: string[] = [];
  const skills: string[] = [];
  const goals: Record<GoalLevel, string[]> = { ultimate: [], long_term: [], mid_term: [], short_term: [], immediate: [], micro: [], nano: [] };
  const practiceSessions: string[] = [];
  const journalEntries: string[] = [];
  const tagIds = new Map<string, string>();
  const habits: HabitPlan[] = [];
  let todayTasks = 0;

  const tag = async (): Promise<string> => {
    const name = random.pick(TAG_NAMES);
    const known = tagIds.get(name);
    if (known) return known;
    const created = await call('tags.ensure', { name });
    tagIds.set(name, created.id);
    return created.id;
  };
  const tagIt = async (kind: CommandInput<'tags.attach'>['kind'], entityId: string, count: number) => {
    for (let i = 0; i < count; i++) await call('tags.attach', { tagId: await tag(), kind, entityId });
  };

  const addOrganization = async () => {
    const created = await call('organizations.create', {
      name: `${title(random, 1, 2).split(' ').slice(1).join(' ') || 'Studio'} ${random.pick(['Labs', 'GmbH', 'Inc', 'Group', 'Works', 'Partners', 'Studio', 'Institute', 'AB', 'Ltd'])} ${organizations.length + 1}`,
      type: random.weighted([
        ['employer', 2],
        ['client', 4],
        ['host', 1],
        ['school', 1],
        ['community', 1],
        ['other', 1]
      ]),
      notes: random.chance(0.5) ? prose(random, random.int(10, 60)) : ''
    });
    organizations.push(created.id);
  };

  const addPerson = async () => {
    const name = personName(random);
    const created = await call('people.create', {
      name,
      role: random.weighted([
        ['colleague', 8],
        ['manager', 1],
        ['mentor', 1],
        ['report', 2],
        ['client', 3],
        ['recruiter', 1],
        ['friend', 2],
        ['coach', 0.5],
        ['other', 1]
      ]),
      organizationId: organizations.length > 0 && random.chance(0.7) ? random.pick(organizations) : null,
      email: random.chance(0.6) ? `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${people.length}@example.com` : null,
      notes: random.chance(0.4) ? prose(random, random.int(5, 60)) : ''
    });
    people.push(created.id);
  };

  const addProject = async (day: string) => {
    const created = await call('projects.create', {
      name: title(random, 2, 4),
      description: prose(random, random.int(20, 120)),
      classification: random.weighted([
        ['work', 6],
        ['personal', 2],
        ['learning', 2],
        ['inactive', 0.5]
      ]),
      status: 'active',
      techStack: random.sample(['TypeScript', 'Svelte', 'SQLite', 'Python', 'Rust', 'Go', 'Postgres', 'Docker', 'Kubernetes', 'React'], random.int(1, 4)),
      startDate: day,
      organizationId: organizations.length > 0 && random.chance(0.6) ? random.pick(organizations) : null
    });
    projects.push(created.id);
    await tagIt('project', created.id, random.int(0, 3));
    if (skills.length > 0) {
      for (const skillId of random.sample(skills, random.int(1, 3))) await call('skills.linkProject', { id: skillId, projectId: created.id });
    }
  };

  const addSkill = async (day: string) => {
    const created = await call('skills.create', {
      name: `${random.pick(['Advanced', 'Applied', 'Practical', 'Modern', 'Everyday', 'Deep'])} ${word(random)} ${skills.length + 1}`,
      category: random.weighted([
        ['technical', 5],
        ['soft_skill', 2],
        ['domain', 2],
        ['other', 1]
      ]),
      confidence: random.int(1, 3),
      lastUsedDate: day,
      notes: random.chance(0.5) ? sentence(random) : ''
    });
    skills.push(created.id);
    if (random.chance(0.3)) await call('teamSkills.create', { skillId: created.id, team: random.pick(['Platform', 'Product', 'Data', 'Mobile', 'Web']), relevance: random.pick(['high', 'medium', 'low'] as const) });
  };

  const addGoal = async (day: string, level: GoalLevel) => {
    const levelIndex = GOAL_LEVELS.indexOf(level);
    const parentLevel = levelIndex > 0 ? GOAL_LEVELS[levelIndex - 1] : undefined;
    const candidates = parentLevel ? goals[parentLevel] : [];
    const parentId = candidates.length > 0 && random.chance(0.92) ? random.recent(candidates, 12) : null;
    const target = addDays(day, Math.max(1, Math.round(GOAL_HORIZON[level] * (0.5 + random.next()))));
    const finished = target < options.endDay;
    const status = finished
      ? random.weighted<'completed' | 'abandoned' | 'on_hold' | 'active'>([
          ['completed', 65],
          ['abandoned', 15],
          ['on_hold', 5],
          ['active', 15]
        ])
      : random.weighted<'active' | 'on_hold'>([
          ['active', 9],
          ['on_hold', 1]
        ]);
    const created = await call('goals.create', {
      level,
      parentId,
      practiceSessionId: level === 'immediate' && practiceSessions.length > 0 && random.chance(0.3) ? random.recent(practiceSessions, 5) : null,
      title: title(random, 3, 7),
      description: random.chance(0.6) ? prose(random, random.int(10, 80)) : '',
      category: random.pick(['career', 'technical', 'soft_skill', 'hiring_readiness', 'learning', 'health', 'personal', 'other'] as const),
      status,
      startDate: day,
      targetDate: target,
      completedDate: status === 'completed' ? target : null,
      progress: status === 'completed' ? 100 : random.int(0, 90),
      priority: random.int(1, 5),
      whyItMatters: random.chance(0.5) ? prose(random, random.int(8, 40)) : '',
      lessonsLearned: status === 'completed' && random.chance(0.5) ? prose(random, random.int(10, 50)) : '',
      satisfaction: status === 'completed' ? random.int(4, 10) : null
    });
    goals[level].push(created.id);
    if (levelIndex <= 3) {
      const milestones = random.int(1, 4);
      for (let position = 0; position < milestones; position++) {
        const milestoneDay = addDays(day, Math.round(((position + 1) / (milestones + 1)) * GOAL_HORIZON[level]));
        const done = milestoneDay < options.endDay && random.chance(0.7);
        await call('milestones.create', {
          goalId: created.id,
          title: title(random, 2, 5),
          description: random.chance(0.4) ? sentence(random) : '',
          position,
          targetDate: milestoneDay,
          completed: done,
          completedDate: done ? milestoneDay : null
        });
      }
    }
  };

  const addHabit = async (day: string, index: number) => {
    const frequency = index % 15 === 3 ? 'specific_days' : index % 15 === 7 ? 'times_per_week' : 'daily';
    const targetDays = frequency === 'specific_days' ? [1, 3, 5] : [];
    const ends = index % 10 === 9;
    const endDay = ends ? addDays(day, random.int(1500, 3000)) : null;
    const created = await call('habits.create', {
      name: HABIT_NAMES[index % HABIT_NAMES.length] ?? `Habit ${index}`,
      description: random.chance(0.6) ? sentence(random) : '',
      category: random.pick(['health', 'productivity', 'learning', 'social', 'other'] as const),
      frequency,
      targetDays,
      timesPerWeek: frequency === 'times_per_week' ? 3 : null,
      status: endDay !== null && endDay < options.endDay ? 'completed' : 'active',
      startDate: day,
      endDate: endDay
    });
    habits.push({ id: created.id, frequency, targetDays, startDay: day, endDay });
  };

  const addTask = async (day: string, isToday: boolean, parentId: string | null, finishedBy: number): Promise<string> => {
    const created = await call('tasks.create', {
      title: title(random, 2, 7),
      description: random.chance(0.5) ? prose(random, random.int(5, 60)) : '',
      priority: random.weighted([
        ['high', 2],
        ['medium', 5],
        ['low', 3]
      ]),
      estimatedMinutes: random.chance(0.6) ? random.pick([15, 30, 45, 60, 90, 120, 180, 240]) : null,
      focusDate: day,
      dueDate: random.chance(0.2) ? addDays(day, random.int(0, 14)) : null,
      parentId,
      goalId: random.chance(0.2) && goals.immediate.length > 0 ? random.recent(goals.immediate, 20) : null,
      projectId: random.chance(0.7) && projects.length > 0 ? random.recent(projects, 25) : null,
      assigneeId: random.chance(0.05) && people.length > 0 ? random.pick(people) : null
    });
    if (isToday) todayTasks++;
    const status = isToday
      ? random.weighted<'done' | 'todo' | 'in_progress'>([
          ['done', 4],
          ['todo', 5],
          ['in_progress', 1]
        ])
      : random.weighted<'done' | 'cancelled' | 'todo' | 'in_progress'>([
          ['done', 80],
          ['cancelled', 6],
          ['todo', 12],
          ['in_progress', 2]
        ]);
    if (status === 'done') {
      // Time worked, then done: the virtual clock moves through the working day.
      if (random.chance(0.4)) {
        const entries = random.int(1, 2);
        for (let i = 0; i < entries; i++) {
          const start = random.int(9 * 60, 16 * 60);
          await call('tasks.addTimeEntry', {
            id: created.id,
            startedAt: timestampOn(day, start),
            endedAt: timestampOn(day, start + random.int(10, 120)),
            note: random.chance(0.3) ? sentence(random) : ''
          });
        }
      }
      at(day, finishedBy);
      await call('tasks.setStatus', { id: created.id, status: 'done' });
    } else if (status !== 'todo') {
      await call('tasks.setStatus', { id: created.id, status });
    }
    if (random.chance(0.25)) await tagIt('task', created.id, random.int(1, 2));
    if (!isToday && random.chance(0.02)) await call('tasks.delete', { id: created.id });
    return created.id;
  };

  const workingDay = (day: string, holidays: ReadonlySet<string>) => isoWeekday(day) <= 5 && !holidays.has(day);

  /** ~25 days off a year, in one-week and single-day blocks. */
  const holidays = new Set<string>();
  for (let year = 0; year * 365 < totalDays; year++) {
    for (let block = 0; block < 3; block++) {
      const first = addDays(startDay, year * 365 + random.int(0, 358));
      for (let i = 0; i < 7; i++) holidays.add(addDays(first, i));
    }
    for (let single = 0; single < 6; single++) holidays.add(addDays(startDay, year * 365 + random.int(0, 364)));
  }
  holidays.delete(options.endDay);

  const habitStartDays = new Map<number, number>();
  for (let index = 0; index < 30; index++) habitStartDays.set(index, index < 20 ? random.int(0, Math.floor(totalDays * 0.02)) : random.int(0, Math.floor(totalDays * 0.06)));

  const session = host.session;
  const started = performance.now();
  let day = startDay;
  let dayNumber = 0;
  while (dayNumber < totalDays) {
    // One transaction per month of use keeps generation fast; each command runs as the worker runs it.
    const monthEnd = Math.min(totalDays, dayNumber + 30);
    await session.write(async () => {
      for (; dayNumber < monthEnd; dayNumber++, day = addDays(day, 1)) {
        const isToday = day === options.endDay;
        const working = workingDay(day, holidays) || isToday;
        at(day, 7 * 60);

        if (dayNumber === 0) {
          for (let i = 0; i < 12; i++) await addOrganization();
          for (let i = 0; i < 100; i++) await addPerson();
          for (let i = 0; i < 20; i++) await addSkill(day);
          for (let i = 0; i < 6; i++) await addProject(day);
          for (const [level, count] of [
            ['ultimate', 2],
            ['long_term', 4],
            ['mid_term', 8],
            ['short_term', 16]
          ] as const) {
            for (let i = 0; i < count; i++) await addGoal(day, level);
          }
        }
        for (const [index, startIndex] of habitStartDays) if (startIndex === dayNumber) await addHabit(day, index);

        if (working) {
          for (let i = countFor(random, PER_WORKING_DAY.organizations); i > 0; i--) await addOrganization();
          for (let i = countFor(random, PER_WORKING_DAY.people); i > 0; i--) await addPerson();
          for (let i = countFor(random, PER_WORKING_DAY.skills); i > 0; i--) await addSkill(day);
          for (let i = countFor(random, PER_WORKING_DAY.projects); i > 0; i--) await addProject(day);
          for (let i = countFor(random, PER_WORKING_DAY.skillChanges); i > 0 && skills.length > 0; i--) {
            await call('skills.update', { id: random.pick(skills), confidence: random.int(1, 5), lastUsedDate: day });
          }

          // Practice sessions, early in the day.
          for (let i = countFor(random, PER_WORKING_DAY.practiceSessions); i > 0; i--) {
            const startMinutes = random.int(8 * 60, 15 * 60);
            const minutes = random.int(25, 120);
            const completed = !isToday || random.chance(0.5);
            const created = await call('practiceSessions.create', {
              title: title(random, 2, 5),
              description: random.chance(0.4) ? sentence(random) : '',
              sessionDate: day,
              plannedStartAt: timestampOn(day, startMinutes),
              plannedEndAt: timestampOn(day, startMinutes + minutes),
              actualStartAt: completed ? timestampOn(day, startMinutes + random.int(0, 10)) : null,
              actualEndAt: completed ? timestampOn(day, startMinutes + minutes + random.int(11, 30)) : null,
              durationMinutes: completed ? minutes : null,
              focusScore: completed ? random.int(3, 10) : null,
              energyLevel: completed ? random.int(2, 10) : null,
              productivityRating: completed ? random.int(2, 10) : null,
              interruptions: completed ? random.int(0, 6) : null,
              location: random.chance(0.3) ? random.pick(['Office', 'Home', 'Library', 'Café']) : null,
              notes: random.chance(0.5) ? prose(random, random.int(10, 80)) : '',
              completed
            });
            practiceSessions.push(created.id);
            if (goals.short_term.length > 0) {
              for (const goalId of random.sample(goals.short_term.slice(-15), random.int(1, 2))) {
                await call('practiceSessions.linkGoal', { id: created.id, goalId });
              }
            }
          }

          // Tasks of the day, with subtasks, time entries and tags.
          at(day, 8 * 60 + 30);
          const topLevel = isToday ? 12 : random.int(...PER_WORKING_DAY.topLevelTasks);
          for (let i = 0; i < topLevel; i++) {
            const finishedBy = 9 * 60 + Math.round(((i + 1) / (topLevel + 1)) * 8 * 60);
            const taskId = await addTask(day, isToday, null, finishedBy);
            if (random.chance(0.25)) {
              for (let s = random.int(1, 3); s > 0; s--) await addTask(day, isToday, taskId, finishedBy);
            }
          }

          // Meetings with attendees, notes, action items and what was learnt.
          const meetingsToday: string[] = [];
          for (let i = countFor(random, PER_WORKING_DAY.meetings); i > 0; i--) {
            const minutes = random.int(9 * 60, 17 * 60);
            at(day, minutes - 30);
            const created = await call('meetings.create', {
              title: title(random, 2, 6),
              meetingDate: day,
              meetingTime: `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${random.pick(['00', '15', '30', '45'])}`,
              durationMinutes: random.pick([15, 25, 30, 45, 60, 90]),
              organizationId: organizations.length > 0 && random.chance(0.5) ? random.pick(organizations) : null,
              preparationNotes: random.chance(0.7) ? prose(random, random.int(20, 120)) : '',
              outcomeNotes: prose(random, random.int(30, 150)),
              questionsAsked: random.chance(0.4) ? prose(random, random.int(10, 50)) : ''
            });
            meetingsToday.push(created.id);
            for (const personId of random.sample(people.slice(-400), random.int(1, 5))) {
              await call('meetings.addAttendee', { id: created.id, personId });
            }
            if (random.chance(0.15)) await tagIt('meeting', created.id, random.int(1, 2));
            if (random.chance(0.5)) {
              const status = isToday ? 'todo' : random.weighted<'done' | 'todo' | 'cancelled'>([
                ['done', 75],
                ['todo', 15],
                ['cancelled', 10]
              ]);
              await call('actionItems.create', {
                description: sentence(random),
                status,
                priority: random.pick(['high', 'medium', 'low'] as const),
                dueDate: addDays(day, random.int(1, 14)),
                meetingId: created.id
              });
            }
          }

          for (let i = countFor(random, PER_WORKING_DAY.learnings); i > 0; i--) {
            const fromMeeting = meetingsToday.length > 0 && random.chance(0.25);
            const created = await call('learnings.create', {
              title: title(random, 3, 8),
              content: prose(random, random.int(100, 400)),
              type: random.pick(['aha_moment', 'concept', 'insight'] as const),
              source: fromMeeting ? 'meeting' : random.pick(['self_study', 'project', 'course', 'reading', 'conversation', 'other'] as const),
              meetingId: fromMeeting ? random.pick(meetingsToday) : null,
              learningDate: day
            });
            if (random.chance(0.5)) await tagIt('learning', created.id, random.int(1, 3));
          }

          for (let i = countFor(random, PER_WORKING_DAY.feedback); i > 0; i--) {
            const created = await call('feedback.create', {
              fromPersonId: random.chance(0.85) ? random.pick(people) : null,
              feedbackDate: day,
              content: prose(random, random.int(20, 150)),
              category: random.pick(['technical', 'behavioral', 'general'] as const),
              sentiment: random.pick(['positive', 'constructive', 'neutral'] as const)
            });
            if (random.chance(0.2)) await tagIt('feedback', created.id, 1);
            if (random.chance(0.2)) {
              await call('actionItems.create', { description: sentence(random), status: isToday ? 'todo' : 'done', feedbackId: created.id, dueDate: addDays(day, 7) });
            }
          }

          for (let i = countFor(random, PER_WORKING_DAY.energyCheckins); i > 0; i--) {
            await call('energyCheckins.create', {
              checkinDate: day,
              checkinTime: `${String(random.int(8, 18)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}`,
              energyLevel: random.int(1, 5),
              engagementLevel: random.int(1, 5),
              mood: random.chance(0.5) ? random.pick(['focused', 'tired', 'calm', 'restless', 'upbeat']) : null,
              notes: random.chance(0.3) ? sentence(random) : ''
            });
          }

          for (let i = countFor(random, PER_WORKING_DAY.decisions); i > 0; i--) {
            const reviewed = addDays(day, random.int(30, 120));
            const looked = reviewed < options.endDay && random.chance(0.6);
            const created = await call('decisions.create', {
              title: title(random, 3, 7),
              description: prose(random, random.int(30, 150)),
              context: prose(random, random.int(30, 150)),
              category: random.pick(['career', 'work', 'health', 'finance', 'relationship', 'personal', 'other'] as const),
              decisionDate: day,
              decisionTime: `${String(random.int(8, 20)).padStart(2, '0')}:00`,
              moodWhenDecided: random.int(1, 10),
              confidenceLevel: random.int(1, 10),
              stressLevel: random.int(1, 10),
              importance: random.int(1, 5),
              timeToDecideHours: random.int(0, 400),
              alternatives: prose(random, random.int(20, 80)),
              expectedOutcome: prose(random, random.int(10, 60)),
              successCriteria: random.chance(0.5) ? sentence(random) : '',
              reviewDate: reviewed,
              actualOutcome: looked ? prose(random, random.int(10, 60)) : '',
              outcomeDate: looked ? reviewed : null,
              satisfaction: looked ? random.int(1, 10) : null,
              wouldDecideSameAgain: looked ? random.chance(0.7) : null,
              journalEntryId: journalEntries.length > 0 && random.chance(0.2) ? random.recent(journalEntries, 10) : null
            });
            for (const personId of random.sample(people, random.int(0, 3))) await call('decisions.addPerson', { id: created.id, personId });
            if (random.chance(0.3)) await tagIt('decision', created.id, random.int(1, 2));
          }
        }

        // Every day, working or not.
        for (let i = countFor(random, PER_DAY.goals); i > 0; i--) {
          const level = random.weighted<GoalLevel>([
            ['ultimate', 0.002],
            ['long_term', 0.02],
            ['mid_term', 0.06],
            ['short_term', 0.14],
            ['immediate', 0.3],
            ['micro', 0.28],
            ['nano', 0.2]
          ]);
          await addGoal(day, level);
        }

        for (let i = countFor(random, PER_DAY.moodLogs); i > 0; i--) {
          await call('moodLogs.create', {
            logDate: day,
            logTime: `${String(random.int(7, 22)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}`,
            mood: random.int(1, 10),
            energyLevel: random.int(1, 10),
            stressLevel: random.chance(0.7) ? random.int(1, 10) : null,
            anxietyLevel: random.chance(0.5) ? random.int(1, 10) : null,
            moodTags: random.sample(['motivated', 'tired', 'calm', 'anxious', 'happy', 'focused', 'bored', 'proud'], random.int(0, 3)),
            moodTrigger: random.chance(0.3) ? sentence(random, 4, 10) : '',
            activity: random.chance(0.5) ? sentence(random, 2, 6) : ''
          });
        }

        for (let i = countFor(random, PER_DAY.events); i > 0; i--) {
          const created = await call('events.create', {
            title: title(random, 2, 6),
            description: prose(random, random.int(10, 100)),
            type: random.pick(['meeting', 'achievement', 'social', 'health', 'work', 'personal', 'other'] as const),
            eventDate: day,
            eventTime: random.chance(0.6) ? `${String(random.int(7, 22)).padStart(2, '0')}:30` : null,
            durationMinutes: random.chance(0.5) ? random.int(10, 600) : null,
            importance: random.int(1, 5),
            emotionalImpact: random.int(-5, 5),
            outcome: random.pick(['positive', 'negative', 'neutral', 'mixed'] as const)
          });
          for (const personId of random.sample(people, random.int(0, 3))) await call('events.addPerson', { id: created.id, personId });
        }

        at(day, 21 * 60);
        for (let i = countFor(random, PER_DAY.journal); i > 0; i--) {
          const created = await call('journal.create', {
            entryDate: day,
            entryTime: `${String(random.int(19, 23)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}`,
            title: random.chance(0.7) ? title(random, 2, 6) : '',
            content: prose(random, random.int(150, 600)),
            mood: random.int(1, 10),
            energyLevel: random.int(1, 10),
            stressLevel: random.int(1, 10),
            sleepHours: random.int(10, 18) / 2,
            category: random.pick(['personal', 'work', 'health', 'reflection', 'learning', 'other'] as const),
            location: random.chance(0.2) ? random.pick(['Home', 'Train', 'Office', 'Café']) : null,
            weather: random.chance(0.3) ? random.pick(['Sunny', 'Rain', 'Cloudy', 'Snow', 'Windy']) : null
          });
          journalEntries.push(created.id);
          if (random.chance(0.4)) await tagIt('journal_entry', created.id, random.int(1, 3));
          if (!isToday && random.chance(0.01)) await call('journal.delete', { id: created.id });
        }

        // Habit logs: one per habit and day it was due (done or skipped).
        at(day, 21 * 60 + 30);
        const weekday = isoWeekday(day);
        for (const habit of habits) {
          if (day < habit.startDay || (habit.endDay !== null && day > habit.endDay)) continue;
          const due = habit.frequency !== 'specific_days' || habit.targetDays.includes(weekday);
          const logged = habit.frequency === 'times_per_week' ? random.chance(0.65) : due && random.chance(0.98);
          if (!logged) continue;
          const completed = habit.frequency === 'times_per_week' || random.chance(0.85);
          await call('habitLogs.upsert', {
            habitId: habit.id,
            logDate: day,
            completed,
            difficulty: random.chance(0.3) ? random.int(1, 5) : undefined,
            satisfaction: random.chance(0.3) ? random.int(1, 5) : undefined,
            notes: random.chance(0.1) ? sentence(random, 4, 12) : undefined,
            skipReason: !completed && random.chance(0.5) ? random.pick(['Travelling', 'Sick', 'Too tired', 'Forgot', 'No time']) : undefined
          });
        }
      }
    });
    // Between the months' transactions, as when a person pauses: the worker merges the search index's segments.
    while (mergeSearchSegments(session.sqlite3, session.raw));
    options.onProgress?.(`${day} (${dayNumber}/${totalDays} days, ${commandsRun} commands, ${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }

  // Timestamps the contract has no field for (created_at/updated_at default to SQLite's 'now') are
  // set to the moment in the row's UUIDv7 id, i.e. the virtual time it was created, as an import would.
  const raw = session.raw;
  raw.createFunction('bench_uuid_time', (_context: number, id: unknown) => {
    if (typeof id !== 'string' || !/^[0-9a-f]{8}-[0-9a-f]{4}-7/.test(id)) return null;
    const ms = Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
    return new Date(ms).toISOString();
  });
  const tables = raw.selectValues(
    `SELECT m.name FROM sqlite_schema m WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '\\_%' ESCAPE '\\'
       AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) WHERE name = 'id' AND type = 'TEXT')
       AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) WHERE name = 'created_at')`
  );
  await session.write(async () => {
    for (const table of tables) {
      raw.exec(`UPDATE "${String(table)}" SET created_at = bench_uuid_time(id), updated_at = bench_uuid_time(id) WHERE bench_uuid_time(id) IS NOT NULL`);
    }
    raw.exec('UPDATE tasks SET updated_at = completed_at WHERE completed_at IS NOT NULL AND completed_at > created_at');
  });

  const counts: Record<string, number> = {};
  for (const table of raw.selectValues(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index_%' ORDER BY name`)) {
    counts[String(table)] = Number(raw.selectValue(`SELECT count(*) FROM "${String(table)}"`));
  }
  const bytes = host.exportDatabase();
  host.close();
  return { bytes, startDay, counts, commandsRun, schemaVersion, todayTasks };
}
