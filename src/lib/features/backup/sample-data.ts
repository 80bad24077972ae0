/** Test helper: a bit of everything, made through the real commands, for the backup specs. */
import { expectOk } from '../../db/testing';
import type { RpcClient } from '../../rpc/client';

/** Text that trips naive quoting: quotes, commas, semicolons, both kinds of line end, non-Latin letters and an emoji. */
export const AWKWARD_TEXT = `He said "ship it", then: 'not yet';\nline two, with a tab\tand a backslash \\ — Zürich, 東京, 🚀\r\nfrom Windows`;

/**
 * Fills a database with related rows of every kind: a task tree with time entries, status changes
 * and tags; a goal tree (one goal moved under a parent made after it); a practice session; skills
 * with history; meetings with attendees; habits with logs; journal, decisions, insights, and some
 * rows in the trash.
 */
export async function fillWithSampleData(client: RpcClient): Promise<void> {
  expectOk(await client.call('profile.update', { displayName: 'Ana "Q" O\'Neil', dateFormat: 'DD/MM/YYYY', weekStart: 1, preferences: { compact: true } }));
  const employer = expectOk(await client.call('organizations.create', { name: 'Acme, Inc.', type: 'employer' }));
  const mentor = expectOk(await client.call('people.create', { name: 'Maria', role: 'mentor', organizationId: employer.id, email: 'maria@example.org' }));
  const colleague = expectOk(await client.call('people.create', { name: 'Björn', role: 'colleague', notes: AWKWARD_TEXT }));
  const project = expectOk(await client.call('projects.create', { name: 'Daybook', classification: 'personal', techStack: ['Svelte', 'SQLite'], organizationId: employer.id }));
  const focus = expectOk(await client.call('tags.ensure', { name: 'focus' }));
  const people = expectOk(await client.call('tags.ensure', { name: 'people, "quoted"' }));

  const ultimate = expectOk(await client.call('goals.create', { level: 'ultimate', title: 'Do meaningful work' }));
  // Made before its parent and moved under it later: the backup lists it before its parent.
  const longTerm = expectOk(await client.call('goals.create', { level: 'long_term', title: 'Become a staff engineer', priority: 5 }));
  expectOk(await client.call('goals.move', { id: longTerm.id, parentId: ultimate.id }));
  const midTerm = expectOk(await client.call('goals.create', { level: 'mid_term', title: 'Lead a project', parentId: longTerm.id }));
  const shortTerm = expectOk(await client.call('goals.create', { level: 'short_term', title: 'Ship backups', parentId: midTerm.id, progress: 40 }));
  const session = expectOk(await client.call('practiceSessions.create', { title: 'Deep work', sessionDate: '2026-03-02', durationMinutes: 90, focusScore: 8 }));
  expectOk(await client.call('practiceSessions.linkGoal', { id: session.id, goalId: shortTerm.id }));
  expectOk(await client.call('goals.create', { level: 'immediate', title: 'Write the import', parentId: shortTerm.id, practiceSessionId: session.id }));
  const milestoneGoal = expectOk(await client.call('goals.create', { level: 'ultimate', title: 'Stay healthy', category: 'health' }));
  expectOk(await client.call('milestones.create', { goalId: milestoneGoal.id, title: 'Run 5 km', position: 1 }));

  const parent = expectOk(await client.call('tasks.create', { title: 'Backups', focusDate: '2026-03-02', goalId: shortTerm.id, projectId: project.id, priority: 'high' }));
  const child = expectOk(await client.call('tasks.create', { title: 'CSV export', focusDate: '2026-03-02', parentId: parent.id, description: AWKWARD_TEXT, estimatedMinutes: 90 }));
  expectOk(await client.call('tasks.create', { title: 'Ask Maria', focusDate: null, dueDate: '2026-03-09', assigneeId: mentor.id }));
  expectOk(await client.call('tasks.setStatus', { id: child.id, status: 'in_progress' }));
  expectOk(await client.call('tasks.setStatus', { id: child.id, status: 'done' }));
  expectOk(await client.call('tasks.addTimeEntry', { id: child.id, startedAt: '2026-03-02T09:00:00.000Z', endedAt: '2026-03-02T10:30:00.000Z', note: 'first pass' }));
  expectOk(await client.call('tasks.startTimer', { id: parent.id }));
  expectOk(await client.call('tags.attach', { tagId: focus.id, kind: 'task', entityId: parent.id }));
  const trashed = expectOk(await client.call('tasks.create', { title: 'Old idea', focusDate: '2026-03-01' }));
  expectOk(await client.call('tasks.delete', { id: trashed.id }));

  const skill = expectOk(await client.call('skills.create', { name: 'SQL', confidence: 2 }));
  expectOk(await client.call('skills.update', { id: skill.id, confidence: 4 }));
  expectOk(await client.call('skills.linkProject', { id: skill.id, projectId: project.id }));
  expectOk(await client.call('teamSkills.create', { skillId: skill.id, team: 'Platform', relevance: 'high' }));

  const meeting = expectOk(await client.call('meetings.create', { title: '1:1 with Maria', meetingDate: '2026-03-03', meetingTime: '10:00', outcomeNotes: 'Write "less", ship more.' }));
  expectOk(await client.call('meetings.addAttendee', { id: meeting.id, personId: mentor.id }));
  expectOk(await client.call('meetings.addAttendee', { id: meeting.id, personId: colleague.id }));
  expectOk(await client.call('tags.attach', { tagId: people.id, kind: 'meeting', entityId: meeting.id }));
  expectOk(await client.call('learnings.create', { title: 'Small PRs', type: 'insight', source: 'meeting', meetingId: meeting.id, learningDate: '2026-03-03' }));
  const feedback = expectOk(await client.call('feedback.create', { fromPersonId: mentor.id, feedbackDate: '2026-03-03', content: 'Clear write-ups.', sentiment: 'positive' }));
  expectOk(await client.call('actionItems.create', { description: 'Send the plan', meetingId: meeting.id, dueDate: '2026-03-05' }));
  expectOk(await client.call('actionItems.create', { description: 'Thank Maria', feedbackId: feedback.id }));

  expectOk(await client.call('energyCheckins.create', { checkinDate: '2026-03-03', checkinTime: '15:30', energyLevel: 2, engagementLevel: 4, mood: 'tired' }));
  expectOk(await client.call('moodLogs.create', { logDate: '2026-03-03', logTime: '08:15', mood: 7, moodTags: ['calm', 'rested'] }));
  const entry = expectOk(await client.call('journal.create', { entryDate: '2026-03-03', title: 'A good day', content: AWKWARD_TEXT, sleepHours: 7.5, mood: 8 }));
  expectOk(await client.call('tags.attach', { tagId: focus.id, kind: 'journal_entry', entityId: entry.id }));
  const event = expectOk(await client.call('events.create', { title: 'Demo', eventDate: '2026-03-04', emotionalImpact: -2, journalEntryId: entry.id }));
  expectOk(await client.call('events.addPerson', { id: event.id, personId: colleague.id }));
  const decision = expectOk(await client.call('decisions.create', { title: 'Use SQLite', decisionDate: '2026-03-01', reviewDate: '2026-06-01', confidenceLevel: 8, alternatives: 'IndexedDB; files' }));
  expectOk(await client.call('decisions.addPerson', { id: decision.id, personId: mentor.id }));
  expectOk(await client.call('tags.attach', { tagId: focus.id, kind: 'decision', entityId: decision.id }));
  const oldDecision = expectOk(await client.call('decisions.create', { title: 'Use IndexedDB', decisionDate: '2026-02-01' }));
  expectOk(await client.call('decisions.delete', { id: oldDecision.id }));

  const reading = expectOk(await client.call('habits.create', { name: 'Read', startDate: '2026-03-01', category: 'learning' }));
  const gym = expectOk(await client.call('habits.create', { name: 'Gym', startDate: '2026-03-01', frequency: 'specific_days', targetDays: [1, 3, 5] }));
  expectOk(await client.call('habitLogs.upsert', { habitId: reading.id, logDate: '2026-03-01', completed: true, difficulty: 2 }));
  expectOk(await client.call('habitLogs.upsert', { habitId: reading.id, logDate: '2026-03-02', completed: false, skipReason: 'Travel' }));
  expectOk(await client.call('habitLogs.upsert', { habitId: gym.id, logDate: '2026-03-02', completed: true, energyBefore: 4, energyAfter: 8 }));

  expectOk(await client.call('insights.create', { type: 'pattern', title: 'Mornings are better', description: 'Focus is higher before noon.', confidence: 0.7, supportingData: { days: [1, 2], ratio: 1.25 } }));
}
