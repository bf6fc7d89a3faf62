// Deterministic, plausible contact persons for demo and generated data (no real people).
import type { PersonContact } from '../db/schema.ts';

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔汤';
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
  '刚',
  '建华',
  '文',
  '红',
  '志强',
  '晓东',
  '海燕',
  '建国',
  '春梅',
  '立新',
  '慧',
  '鹏',
  '婷',
  '宇',
  '晨',
];

export const AREA_CODES: Record<string, string> = {
  '11': '010',
  '12': '022',
  '13': '0311',
  '14': '0351',
  '15': '0471',
  '21': '024',
  '22': '0431',
  '23': '0451',
  '31': '021',
  '32': '025',
  '33': '0571',
  '34': '0551',
  '35': '0591',
  '36': '0791',
  '37': '0531',
  '41': '0371',
  '42': '027',
  '43': '0731',
  '44': '020',
  '45': '0771',
  '46': '0898',
  '50': '023',
  '51': '028',
  '52': '0851',
  '53': '0871',
  '54': '0891',
  '61': '029',
  '62': '0931',
  '63': '0971',
  '64': '0951',
  '65': '0991',
  '66': '0993',
};

/**
 * Area codes of the cities whose code differs from their province's capital (the province's entry above): keyed by
 * the first four digits of the unit code. Covers 河北省, where the demo accounts and sites are.
 */
export const CITY_AREA_CODES: Record<string, string> = {
  '1302': '0315', // 唐山市
  '1303': '0335', // 秦皇岛市
  '1304': '0310', // 邯郸市
  '1305': '0319', // 邢台市
  '1306': '0312', // 保定市
  '1307': '0313', // 张家口市
  '1308': '0314', // 承德市
  '1309': '0317', // 沧州市
  '1310': '0316', // 廊坊市
  '1311': '0318', // 衡水市
};

/** The telephone area code of a unit: its city's where known, else its province capital's. */
export function areaCodeOf(code: string): string {
  if (!/^\d{2}/.test(code)) return '010';
  return CITY_AREA_CODES[code.slice(0, 4)] ?? AREA_CODES[code.slice(0, 2)] ?? '010';
}

export const MAIL_DOMAINS: Record<string, string> = {
  '11': 'beijing.gov.cn',
  '12': 'tj.gov.cn',
  '13': 'hebei.gov.cn',
  '14': 'shanxi.gov.cn',
  '15': 'nmg.gov.cn',
  '21': 'ln.gov.cn',
  '22': 'jl.gov.cn',
  '23': 'hlj.gov.cn',
  '31': 'sh.gov.cn',
  '32': 'jiangsu.gov.cn',
  '33': 'zj.gov.cn',
  '34': 'ah.gov.cn',
  '35': 'fujian.gov.cn',
  '36': 'jiangxi.gov.cn',
  '37': 'shandong.gov.cn',
  '41': 'henan.gov.cn',
  '42': 'hubei.gov.cn',
  '43': 'hunan.gov.cn',
  '44': 'gd.gov.cn',
  '45': 'gxzf.gov.cn',
  '46': 'hainan.gov.cn',
  '50': 'cq.gov.cn',
  '51': 'sc.gov.cn',
  '52': 'guizhou.gov.cn',
  '53': 'yn.gov.cn',
  '54': 'xizang.gov.cn',
  '61': 'shaanxi.gov.cn',
  '62': 'gansu.gov.cn',
  '63': 'qinghai.gov.cn',
  '64': 'nx.gov.cn',
  '65': 'xinjiang.gov.cn',
  '66': 'bingtuan.gov.cn',
};

/** A small deterministic PRNG (mulberry32), so generated data is the same on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function hashString(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

function digits(rand: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(Math.floor(rand() * 10));
  return s;
}

/** A person for the unit `code`; `slot` tells 负责人 (0) and 联系人 (1, 2) apart. */
export function demoPerson(code: string, slot: number): PersonContact {
  const rand = prng(hashString(`${code}#${slot}`));
  const province = /^\d{2}/.test(code) ? code.slice(0, 2) : '11';
  const area = areaCodeOf(code);
  const subscriberLength = area.length === 3 ? 8 : 7;
  const domain = /^\d{6}$/.test(code) ? (MAIL_DOMAINS[province] ?? 'gov.cn') : 'gov.cn';
  return {
    name: pick(rand, [...SURNAMES]) + pick(rand, GIVEN),
    officePhone: `${area}-${2 + Math.floor(rand() * 7)}${digits(rand, subscriberLength - 1)}`,
    mobile: `1${pick(rand, ['33', '35', '36', '37', '38', '39', '50', '58', '86', '89'])}${digits(rand, 8)}`,
    email: `${slot === 0 ? 'fzr' : `lxr${slot}`}.${code.toLowerCase()}@${domain}`,
  };
}
