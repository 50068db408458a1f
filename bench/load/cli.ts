// The bench scripts' command line: Node 24 required (they run the server's TypeScript directly), and
// `--flag`, `--name value`, `--name <number>` options.

export function requireNode24(what: string, command: string): void {
  if (Number(process.versions.node.split('.')[0]) >= 24) return;
  console.error(`The ${what} needs Node 24 (this is ${process.versions.node}): run it with \`${command}\`.`);
  process.exit(1);
}

export function cliArgs(argv = process.argv.slice(2)) {
  const flag = (name: string): boolean => argv.includes(`--${name}`);
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const num = (name: string, d: number): number => {
    const v = value(name);
    return v === undefined ? d : Number(v);
  };
  return { flag, value, num };
}
