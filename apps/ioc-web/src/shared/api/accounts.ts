/** Account rules the API enforces, checked in the forms too so a person hears of them at once. */
export const PASSWORD_MIN = 12;

/** Usernames as the API accepts them (checked after trimming and lower-casing). */
export const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;
