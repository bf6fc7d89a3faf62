// The result shape of a link check and every Chinese text it carries (one place to review the wording).
import type { IpRange } from './ip-ranges.ts';

// The codes are part of the API contract (schema.ts); re-exported here beside their texts.
export { LINK_CHECK_ERRORS, LINK_KINDS, type LinkCheckError, type LinkKind } from './schema.ts';

import type { LinkCheckError } from './schema.ts';

export interface RedirectHop {
  status: number;
  location: string;
}

export interface LinkCheckResult {
  url: string;
  ok: boolean;
  status?: number;
  finalUrl?: string;
  redirects: RedirectHop[];
  elapsedMs: number;
  error?: LinkCheckError;
  /** For the user, in Chinese: 「可以访问（200，0.4 秒）」 or 「无法访问：…」. */
  message: string;
}

const RANGE_NAMES: Record<IpRange | 'invalid', string> = {
  unicast: '公网地址',
  unspecified: '未指定地址',
  loopback: '本机回环地址',
  private: '内网地址',
  carrierGradeNat: '运营商内网地址',
  linkLocal: '链路本地地址',
  multicast: '组播地址',
  broadcast: '广播地址',
  documentation: '文档保留地址',
  benchmarking: '测试保留地址',
  reserved: '保留地址',
  uniqueLocal: 'IPv6 内网地址',
  siteLocal: 'IPv6 站点本地地址',
  invalid: '无效地址',
};

const HTTP_REASONS: Record<number, string> = {
  400: '请求无效',
  401: '需要登录',
  403: '禁止访问',
  404: '页面不存在',
  410: '页面已删除',
  429: '访问过于频繁',
  500: '服务器内部错误',
  502: '网关错误',
  503: '服务暂不可用',
  504: '网关超时',
};

const TLS_REASONS: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: '自签名证书',
  SELF_SIGNED_CERT_IN_CHAIN: '证书链中有自签名证书',
  CERT_HAS_EXPIRED: '证书已过期',
  CERT_NOT_YET_VALID: '证书尚未生效',
  ERR_TLS_CERT_ALTNAME_INVALID: '证书与域名不匹配',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: '证书链不完整或颁发机构不受信任',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: '证书链不完整或颁发机构不受信任',
  UNABLE_TO_GET_ISSUER_CERT: '证书链不完整或颁发机构不受信任',
  CERT_REVOKED: '证书已被吊销',
  CERT_UNTRUSTED: '证书不受信任',
};

const CONNECTION_REASONS: Record<string, string> = {
  ECONNREFUSED: '连接被拒绝',
  ECONNRESET: '连接被重置',
  EHOSTUNREACH: '主机不可达',
  ENETUNREACH: '网络不可达',
  EPIPE: '连接中断',
};

function seconds(ms: number): string {
  return (ms / 1000).toFixed(1);
}

export const linkMessages = {
  ok: (status: number, elapsedMs: number) => `可以访问（${status}，${seconds(elapsedMs)} 秒）`,
  timeout: (timeoutMs: number) => `无法访问：超过 ${seconds(timeoutMs)} 秒未响应`,
  dns: (host: string) => `无法访问：域名 ${host} 无法解析`,
  refusedRange: (host: string, ip: string, range: IpRange | 'invalid') =>
    `无法访问：${host === ip ? ip : `${host}（${ip}）`}是${RANGE_NAMES[range]}，出于安全考虑不予检查`,
  badUrl: (url: string) => `无法访问：“${url}”不是有效的 http:// 或 https:// 网址`,
  badRedirect: (location: string) => `无法访问：重定向到不支持的地址“${location.slice(0, 200)}”`,
  tls: (code: string) => `无法访问：HTTPS 证书无效（${TLS_REASONS[code] ?? `证书校验失败：${code}`}）`,
  tlsHandshake: (code: string) => `无法访问：HTTPS 握手失败（${code}）`,
  connection: (code: string) => `无法访问：${CONNECTION_REASONS[code] ?? `连接失败（${code}）`}`,
  tooManyRedirects: (max: number) => `无法访问：重定向次数过多（超过 ${max} 次）`,
  redirectLoop: () => '无法访问：重定向形成循环',
  http: (status: number) => `无法访问：HTTP ${status}${HTTP_REASONS[status] ? `（${HTTP_REASONS[status]}）` : ''}`,
  robots: () => '未检查：该网站的 robots.txt 不允许自动访问此地址',
};

export function isTlsCode(code: string): boolean {
  return (
    code in TLS_REASONS ||
    code.startsWith('ERR_TLS_') ||
    code.startsWith('ERR_SSL_') ||
    code.startsWith('CERT_') ||
    code === 'EPROTO'
  );
}

export function isCertificateCode(code: string): boolean {
  return code in TLS_REASONS || code.startsWith('CERT_') || code === 'ERR_TLS_CERT_ALTNAME_INVALID';
}
