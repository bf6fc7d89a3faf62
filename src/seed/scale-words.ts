// Word lists of the national-scale generator (scale.ts): department names, site kinds, 栏目 names. Fictitious data.

/** Local government departments: [name under a city/county, host label]. Province-level units use 厅 for 局. */
export const LOCAL_DEPARTMENTS: ReadonlyArray<readonly [string, string]> = [
  ['发展和改革委员会', 'fgw'],
  ['教育局', 'jyj'],
  ['科学技术局', 'kjj'],
  ['工业和信息化局', 'gxj'],
  ['公安局', 'gaj'],
  ['民政局', 'mzj'],
  ['司法局', 'sfj'],
  ['财政局', 'czj'],
  ['人力资源和社会保障局', 'rsj'],
  ['自然资源和规划局', 'zrzyj'],
  ['生态环境局', 'sthjj'],
  ['住房和城乡建设局', 'zjj'],
  ['交通运输局', 'jtj'],
  ['水利局', 'slj'],
  ['农业农村局', 'nyncj'],
  ['商务局', 'swj'],
  ['文化和旅游局', 'whlyj'],
  ['卫生健康委员会', 'wjw'],
  ['退役军人事务局', 'tyjrj'],
  ['应急管理局', 'yjglj'],
  ['审计局', 'sjj'],
  ['市场监督管理局', 'scjgj'],
  ['统计局', 'tjj'],
  ['医疗保障局', 'ybj'],
  ['林业局', 'lyj'],
  ['体育局', 'tyj'],
  ['信访局', 'xfj'],
  ['乡村振兴局', 'xczxj'],
  ['行政审批局', 'xzspj'],
  ['政务服务和大数据管理局', 'zwfw'],
  ['城市管理局', 'cgj'],
  ['人民防空办公室', 'rfb'],
  ['地方金融监督管理局', 'jrj'],
  ['机关事务管理局', 'jgswj'],
  ['档案馆', 'dag'],
  ['融媒体中心', 'rmt'],
  ['公共资源交易中心', 'ggzy'],
  ['住房公积金管理中心', 'gjj'],
  ['红十字会', 'hsh'],
  ['妇女联合会', 'fl'],
];

/** Subjects of the sites of State Council departments and vertical bureaus: [subject, host label]. */
export const VERTICAL_SUBJECTS: ReadonlyArray<readonly [string, string]> = [
  ['政务服务平台', 'zwfw'],
  ['政府信息公开', 'xxgk'],
  ['新闻发布', 'xwfb'],
  ['政策法规', 'zcfg'],
  ['数据开放', 'data'],
  ['科普', 'kp'],
  ['网上办事大厅', 'bsdt'],
  ['标准化', 'bzh'],
  ['统计数据', 'tjsj'],
  ['国际合作', 'gjhz'],
  ['人才服务', 'rcfw'],
  ['招标采购', 'zbcg'],
  ['信息中心', 'xxzx'],
  ['培训中心', 'pxzx'],
  ['研究中心', 'yjzx'],
  ['博物馆', 'bwg'],
  ['出版社', 'cbs'],
  ['信用信息', 'xyxx'],
  ['专题教育', 'ztjy'],
  ['公共服务', 'ggfw'],
];

/** What kind of site a department runs; the first is the department's main site. [suffix, host prefix]. */
export const SITE_KINDS: ReadonlyArray<readonly [string, string]> = [
  ['网站', ''],
  ['政务服务网', 'fw'],
  ['信息公开网', 'gk'],
  ['专题网站', 'zt'],
];

/** 栏目 names per dictionary category (column_categories.code); unknown categories use their own name. */
export const COLUMN_NAMES: Readonly<Record<string, readonly string[]>> = {
  GK: ['概况信息', '走进本地', '机构概况'],
  JGZN: ['机构职能', '内设机构', '领导分工'],
  FZR: ['负责人信息', '领导信息'],
  ZWDT: ['政务动态', '工作动态', '部门动态', '基层动态'],
  TZGG: ['通知公告', '公示公告'],
  ZCWJ: ['政策文件', '规范性文件', '政策库'],
  XXGK: ['政府信息公开', '法定主动公开内容', '政府信息公开年报'],
  SJFB: ['数据发布', '统计数据', '财政预决算'],
  JD: ['政策解读', '图解政策'],
  HYGQ: ['回应关切', '新闻发布会'],
  BSZN: ['办事指南', '服务事项'],
  BSXT: ['在线办事系统', '网上办事'],
  ZXTS: ['政务咨询', '领导信箱', '咨询投诉'],
  DCZJ: ['调查征集', '意见征集'],
  HDFT: ['在线访谈', '互动访谈'],
  ZTZL: ['专题专栏', '专题活动'],
};

export const PRINCIPAL_TITLES = ['主任', '副主任', '局长', '副局长', '办公室主任', '科长', '副科长', '处长'] as const;

export const RETURN_REASONS = [
  '主办单位名称与组织机构不一致，请核对后重新提交',
  '网站负责人手机号码无法接通，请更正',
  '首页网址无法访问，请确认网站已开通',
  'ICP备案号与备案系统登记信息不一致',
  '栏目信息不完整，请补充政务动态栏目地址',
] as const;
