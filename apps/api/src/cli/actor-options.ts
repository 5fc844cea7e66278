/** `--who/--why` of the catalogue and target commands: who changed it and why (logged). */
export const actorOptions = { who: { type: 'string' }, why: { type: 'string' } } as const;
