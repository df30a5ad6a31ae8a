import { faker } from '@faker-js/faker/locale/en';

let paths: readonly string[] | undefined;
let pathSet: ReadonlySet<string> | undefined;

/** Every callable Faker method path (`person.firstName`), walked once from the English faker instance. */
export function fakerMethodPaths(): readonly string[] {
  if (paths !== undefined) return paths;
  const out: string[] = [];
  const root = faker as unknown as Record<string, unknown>;
  for (const moduleName of Object.keys(root)) {
    const mod = root[moduleName];
    if (moduleName.startsWith('_') || moduleName === 'fakerCore' || typeof mod !== 'object' || mod === null) continue;
    const names = new Set<string>();
    // Methods live on the module classes' prototypes, not on the instances.
    for (let proto: object | null = mod; proto !== null && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
      for (const name of Object.getOwnPropertyNames(proto)) {
        if (name === 'constructor' || name.startsWith('_')) continue;
        if (typeof (mod as Record<string, unknown>)[name] === 'function') names.add(name);
      }
    }
    for (const name of [...names].sort()) out.push(`${moduleName}.${name}`);
  }
  paths = out;
  pathSet = new Set(out);
  return out;
}

/** True when `path` names a Faker method. */
export function isFakerMethod(path: string): boolean {
  if (pathSet === undefined) fakerMethodPaths();
  return pathSet!.has(path);
}
