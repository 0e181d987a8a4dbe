/** "1 claim", "2,000 claims": the count in English digits with the noun that fits it. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}
