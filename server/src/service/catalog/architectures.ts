// Architecture names for %ifarch/%ifnarch/BuildArch/ExclusiveArch completion, and the arch-list
// macros (%ix86, %arm, ...) rpm and the distributions define. Lists are those of rpm 4.18–4.20.

export type ArchFamily = 'x86' | 'arm' | 'power' | 's390' | 'riscv' | 'mips' | 'sparc' | 'alpha' | 'loongarch' | 'other' | 'none';

export interface ArchInfo {
  name: string;
  family: ArchFamily;
  bits: 32 | 64 | 0;
  description: string;
  /** Shipped as a primary architecture by at least one of the supported distributions. */
  common: boolean;
}

export const ARCHITECTURES: readonly ArchInfo[] = [
  { name: 'x86_64', family: 'x86', bits: 64, common: true, description: '64-bit x86 (AMD64 / Intel 64).' },
  { name: 'i686', family: 'x86', bits: 32, common: true, description: '32-bit x86, P6 class and newer; the usual 32-bit x86 build target (multilib on Fedora).' },
  { name: 'i586', family: 'x86', bits: 32, common: true, description: '32-bit x86 (Pentium class); the 32-bit target of openSUSE and Mageia.' },
  { name: 'i486', family: 'x86', bits: 32, common: false, description: '32-bit x86, i486 class.' },
  { name: 'i386', family: 'x86', bits: 32, common: false, description: '32-bit x86, the oldest member of %ix86.' },
  { name: 'athlon', family: 'x86', bits: 32, common: false, description: '32-bit x86 tuned for AMD Athlon.' },
  { name: 'pentium3', family: 'x86', bits: 32, common: false, description: '32-bit x86, Pentium III.' },
  { name: 'pentium4', family: 'x86', bits: 32, common: false, description: '32-bit x86, Pentium 4.' },
  { name: 'geode', family: 'x86', bits: 32, common: false, description: '32-bit x86, AMD Geode.' },
  { name: 'amd64', family: 'x86', bits: 64, common: false, description: 'Alias spelling of x86_64 accepted in the %x86_64 list.' },
  { name: 'em64t', family: 'x86', bits: 64, common: false, description: 'Alias spelling of x86_64 accepted in the %x86_64 list.' },
  { name: 'x86_64_v2', family: 'x86', bits: 64, common: false, description: 'x86-64 micro-architecture level 2 (rpm ≥ 4.19 subarch).' },
  { name: 'x86_64_v3', family: 'x86', bits: 64, common: false, description: 'x86-64 micro-architecture level 3 (rpm ≥ 4.19 subarch).' },
  { name: 'x86_64_v4', family: 'x86', bits: 64, common: false, description: 'x86-64 micro-architecture level 4 (rpm ≥ 4.19 subarch).' },
  { name: 'aarch64', family: 'arm', bits: 64, common: true, description: '64-bit ARM (ARMv8-A and later).' },
  { name: 'armv7hl', family: 'arm', bits: 32, common: true, description: '32-bit ARMv7 hard-float (Fedora up to 36, openSUSE, Mageia).' },
  { name: 'armv7l', family: 'arm', bits: 32, common: false, description: '32-bit ARMv7, soft-float ABI.' },
  { name: 'armv7hnl', family: 'arm', bits: 32, common: false, description: '32-bit ARMv7 hard-float with NEON.' },
  { name: 'armv6hl', family: 'arm', bits: 32, common: false, description: '32-bit ARMv6 hard-float (Raspberry Pi 1 class).' },
  { name: 'armv6l', family: 'arm', bits: 32, common: false, description: '32-bit ARMv6, soft-float ABI.' },
  { name: 'armv5tel', family: 'arm', bits: 32, common: false, description: '32-bit ARMv5TE little-endian.' },
  { name: 'armv8hl', family: 'arm', bits: 32, common: false, description: '32-bit userland on ARMv8, hard-float.' },
  { name: 'ppc64le', family: 'power', bits: 64, common: true, description: '64-bit POWER, little-endian (POWER8 and later).' },
  { name: 'ppc64', family: 'power', bits: 64, common: false, description: '64-bit POWER, big-endian.' },
  { name: 'ppc64p7', family: 'power', bits: 64, common: false, description: '64-bit POWER7-tuned big-endian.' },
  { name: 'ppc', family: 'power', bits: 32, common: false, description: '32-bit PowerPC.' },
  { name: 's390x', family: 's390', bits: 64, common: true, description: '64-bit IBM Z (z/Architecture).' },
  { name: 's390', family: 's390', bits: 32, common: false, description: '31-bit IBM S/390.' },
  { name: 'riscv64', family: 'riscv', bits: 64, common: true, description: '64-bit RISC-V.' },
  { name: 'loongarch64', family: 'loongarch', bits: 64, common: false, description: '64-bit LoongArch.' },
  { name: 'mips', family: 'mips', bits: 32, common: false, description: '32-bit MIPS, big-endian.' },
  { name: 'mipsel', family: 'mips', bits: 32, common: false, description: '32-bit MIPS, little-endian.' },
  { name: 'mips64', family: 'mips', bits: 64, common: false, description: '64-bit MIPS, big-endian.' },
  { name: 'mips64el', family: 'mips', bits: 64, common: false, description: '64-bit MIPS, little-endian.' },
  { name: 'sparc64', family: 'sparc', bits: 64, common: false, description: '64-bit SPARC.' },
  { name: 'sparcv9', family: 'sparc', bits: 32, common: false, description: '32-bit userland on SPARC V9.' },
  { name: 'alpha', family: 'alpha', bits: 64, common: false, description: 'DEC Alpha.' },
  { name: 'noarch', family: 'none', bits: 0, common: true, description: 'Architecture-independent: the package contains no compiled code (BuildArch: noarch).' },
];

export interface ArchMacro {
  /** Macro name without `%`. */
  name: string;
  /** Expansion: the whitespace-separated architecture list. */
  value: string;
  description: string;
}

const ARM32 = 'armv3l armv4b armv4l armv4tl armv5tl armv5tel armv5tejl armv6l armv6hl armv7l armv7hl armv7hnl armv8l armv8hl armv8hnl armv8hcnl';
const MIPS32 = 'mips mipsel mipsr6 mipsr6el';
const MIPS64 = 'mips64 mips64el mips64r6 mips64r6el';

/** Arch-list macros, the same on every supported profile (values of rpm 4.18 on x86_64). */
export const ARCH_MACROS: readonly ArchMacro[] = [
  { name: 'ix86', value: 'i386 i486 i586 i686 pentium3 pentium4 athlon geode', description: 'Every 32-bit x86 architecture name; use `%ifarch %{ix86}` rather than listing i686 alone.' },
  { name: 'x86_64', value: 'x86_64 amd64 em64t', description: 'The spellings of 64-bit x86.' },
  { name: 'arm32', value: ARM32, description: 'Every 32-bit ARM architecture name.' },
  { name: 'arm', value: ARM32, description: 'Historic name of the 32-bit ARM list; same as %arm32.' },
  { name: 'arm64', value: 'aarch64', description: '64-bit ARM.' },
  { name: 'power64', value: 'ppc64 ppc64p7 ppc64le', description: 'The 64-bit POWER architectures, both endiannesses.' },
  { name: 'mips32', value: MIPS32, description: '32-bit MIPS architectures.' },
  { name: 'mips64', value: MIPS64, description: '64-bit MIPS architectures.' },
  { name: 'mips', value: `${MIPS32} ${MIPS64}`, description: 'Every MIPS architecture.' },
  { name: 'mipseb', value: 'mips mipsr6 mips64 mips64r6', description: 'Big-endian MIPS architectures.' },
  { name: 'mipsel', value: 'mipsel mipsr6el mips64el mips64r6el', description: 'Little-endian MIPS architectures.' },
  { name: 'sparc', value: 'sparc sparcv8 sparcv9 sparcv9v sparc64 sparc64v', description: 'Every SPARC architecture.' },
  { name: 'alpha', value: 'alpha alphaev56 alphaev6 alphaev67', description: 'Every DEC Alpha architecture.' },
  { name: 'riscv', value: 'riscv32 riscv64 riscv128', description: 'Every RISC-V architecture.' },
];

const ARCH_BY_NAME = new Map(ARCHITECTURES.map((a) => [a.name, a]));
const ARCH_MACRO_BY_NAME = new Map(ARCH_MACROS.map((a) => [a.name, a]));

export function lookupArchitecture(name: string): ArchInfo | undefined {
  return ARCH_BY_NAME.get(name);
}

/** `name` with or without `%`, `%{…}`. */
export function lookupArchMacro(name: string): ArchMacro | undefined {
  return ARCH_MACRO_BY_NAME.get(name.replace(/^%\{?|\}$/g, ''));
}

/** Expands an %ifarch argument list (`%{ix86} x86_64`) into plain architecture names. */
export function expandArchList(text: string): string[] {
  const out: string[] = [];
  for (const word of text.split(/[\s,]+/).filter(Boolean)) {
    const macro = /^%\{?([A-Za-z_]\w*)\}?$/.exec(word);
    const m = macro ? ARCH_MACRO_BY_NAME.get(macro[1]) : undefined;
    if (m) out.push(...m.value.split(' '));
    else out.push(word);
  }
  return [...new Set(out)];
}

/** True for a name rpm accepts in an arch list (a known arch or a member of an arch macro). */
export function isKnownArch(name: string): boolean {
  if (ARCH_BY_NAME.has(name)) return true;
  for (const m of ARCH_MACROS) if (m.value.split(' ').includes(name)) return true;
  return false;
}
