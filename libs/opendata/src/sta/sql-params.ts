/** Values of one parameterised statement: `add` returns the placeholder (`$3`) to write in the SQL. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
