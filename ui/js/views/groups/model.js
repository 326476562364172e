// What the groups screen draws, whether a stored grouping or the draft of a new one, in one
// shape: { draft, groups: [{ key, name, members, women, men }], unassigned: [member] }, where a
// group's key is its ID (or d1, d2… in a draft) and a member is { participantId, fullName,
// nameLatin, sex, country, organisation }.

export const countSex = (members, sex) => members.filter((m) => m.sex === sex).length;

/** The draft `{ groups: [{ key, name, participantIds }] }` with everyone registered (`people`, by ID). */
export function draftModel(draft, people) {
  const placed = new Set(draft.groups.flatMap((g) => g.participantIds));
  return {
    draft: true,
    groups: draft.groups.map((g) => {
      const members = g.participantIds.map((id) => people?.get(id)).filter(Boolean);
      return { key: g.key, name: g.name, members, women: countSex(members, 'woman'), men: countSex(members, 'man') };
    }),
    unassigned: [...(people?.values() ?? [])].filter((m) => !placed.has(m.participantId)),
  };
}

/** A stored grouping as the core sends it. */
export function groupingModel(grouping) {
  return {
    draft: false,
    groups: grouping.groups.map((g) => ({ key: g.id, name: g.name, members: g.members, women: g.women, men: g.men })),
    unassigned: grouping.unassigned,
  };
}

/** Where a participant is: { member, group } (group null: unassigned), or null. */
export function findMember(model, participantId) {
  for (const group of model.groups) {
    const member = group.members.find((x) => x.participantId === participantId);
    if (member) return { member, group };
  }
  const member = model.unassigned.find((x) => x.participantId === participantId);
  return member ? { member, group: null } : null;
}
