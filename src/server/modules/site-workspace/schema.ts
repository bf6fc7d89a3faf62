// Schemas of the 填报单位 workspace: its home, 基本信息修改 (draft / submit), the flag and 其他域名 requests, the
// reviewer's change-set view and the root's 栏目 dictionary.
import { z } from 'zod';
import { auditEntry } from '../requests/schema.ts';

const text = (max: number) => z.string().max(max).nullish();

const personInput = z
  .object({
    name: text(60),
    title: text(100),
    officePhone: text(60),
    mobile: text(40),
    email: text(200),
  })
  .nullish();

/** What the form sends for page 1: anything may be missing or wrong; validateSiteInfo says what. */
export const siteInfoInput = z.object({
  name: text(200),
  homeUrl: text(500),
  sponsorName: text(200),
  sponsorAddress: text(400),
  organizerName: text(200),
  maintainerName: text(200),
  principal: personInput,
  contacts: z.array(personInput).max(3, '网站联系人最多填写3位').nullish(),
  icpNo: text(100),
  psbNo: text(100),
  conacCode: text(100),
  chineseDomain: text(200),
});

export const columnInput = z.object({
  category: z.string().min(1).max(20),
  names: z.string().max(4000),
  addresses: z.string().max(20000),
});

/** Both pages of 基本信息修改, always sent and stored together. */
export const modificationBody = z.object({
  info: siteInfoInput,
  columns: z.array(columnInput).max(100),
});
export type ModificationBody = z.infer<typeof modificationBody>;

export const ability = z.object({ allowed: z.boolean(), reason: z.string().optional() });

/** One button of the 填报单位 home (SPEC §8.2), in display order; other modules add their own keys. */
export const siteAction = z.object({
  key: z.string(),
  label: z.string(),
  allowed: z.boolean(),
  reason: z.string().optional(),
});
export type SiteAction = z.infer<typeof siteAction>;

export const person = z.object({
  name: z.string(),
  title: z.string().optional(),
  officePhone: z.string(),
  mobile: z.string(),
  email: z.string(),
});

export const orgContact = z.object({
  code: z.string(),
  name: z.string(),
  /** 本级 or 上级 relative to the site. */
  relation: z.enum(['本级', '上级']),
  principal: person.nullable(),
  contacts: z.array(person),
});
export type OrgContactView = z.infer<typeof orgContact>;

export const storedColumn = z.object({
  category: z.string(),
  categoryName: z.string(),
  names: z.string(),
  addresses: z.string(),
});

export const requestSummary = z.object({
  id: z.number().int(),
  type: z.string(),
  typeLabel: z.string(),
  state: z.string(),
  /** 修改审核状态 of this request as the 填报单位 sees it (SPEC §7.8). */
  statusLabel: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
  returnReason: z.string().nullable(),
  /** The unit that must act now, while it waits for review. */
  reviewerName: z.string().nullable(),
});

/** Who a site is and which unit holds it: the fields every site-facing view opens with. */
export const siteIdentityShape = {
  siteCode: z.string(),
  name: z.string(),
  homeUrl: z.string(),
  sponsorName: z.string(),
  isPortal: z.boolean(),
  isServicePlatform: z.boolean(),
  orgCode: z.string(),
  orgName: z.string(),
};

export const siteHome = z.object({
  site: z.object({
    ...siteIdentityShape,
    /** 省/部委 · 市/垂管省局 · 县/垂管分局 names above the site, level 1 first. */
    orgLine: z.array(z.string()),
    runStatus: z.string(),
    runStatusLabel: z.string(),
    codeIssuedAt: z.string().nullable(),
    info: z.record(z.string(), z.unknown()),
    columns: z.array(storedColumn),
    domains: z.array(z.string()),
  }),
  /** 修改审核状态: the label of the open or latest change request; '' when there has been none. */
  modificationStatus: z.string(),
  request: requestSummary.nullable(),
  /** Who reviews 基本信息修改 / 政务服务平台 / 其他域名, and who reviews the next portal-flag change. */
  reviewers: z.object({ modification: orgContact, portal: orgContact }),
  actions: z.array(siteAction),
  audit: z.array(auditEntry),
});
export type SiteHomeView = z.infer<typeof siteHome>;

export const categoryView = z.object({
  code: z.string(),
  groupName: z.string(),
  name: z.string(),
  sortOrder: z.number().int(),
  active: z.boolean(),
});

export const modificationForm = z.object({
  siteCode: z.string(),
  orgCode: z.string(),
  orgLine: z.array(z.string()),
  isPortal: z.boolean(),
  isServicePlatform: z.boolean(),
  info: z.record(z.string(), z.unknown()),
  /** One row per active category, in dictionary order, prefilled from the draft or the live record. */
  columns: z.array(
    z.object({
      category: z.string(),
      categoryName: z.string(),
      groupName: z.string(),
      names: z.string(),
      addresses: z.string(),
    }),
  ),
  /** DRAFT or RETURNED when an unfinished modification is being continued, else null. */
  requestState: z.string().nullable(),
  returnReason: z.string().nullable(),
  ability,
});

export const fieldMessage = z.object({ field: z.string(), message: z.string() });

export const saveResult = z.object({
  requestId: z.number().int(),
  state: z.string(),
  statusLabel: z.string(),
  version: z.number().int(),
  /** Problems the form still has (a draft may be incomplete) or warnings after a submission. */
  errors: z.array(fieldMessage),
  warnings: z.array(fieldMessage),
});

/** A flag or 其他域名 request just filed, or a request just withdrawn. */
export const filedRequest = z.object({
  requestId: z.number().int(),
  type: z.string(),
  state: z.string(),
  statusLabel: z.string(),
  version: z.number().int(),
  reviewerName: z.string().nullable(),
});

export const idParam = z.object({ id: z.coerce.number().int().positive() });
export const versionBody = z.object({ version: z.number().int().positive().optional() });
export const portalBody = z.object({ isPortal: z.boolean() });
export const serviceBody = z.object({ isServicePlatform: z.boolean() });
export const domainsBody = z.object({ hosts: z.array(z.string().max(300)).max(50, '其他域名最多 50 个') });

export const fieldDiff = z.object({
  field: z.string(),
  label: z.string(),
  before: z.string(),
  after: z.string(),
  changed: z.boolean(),
});
const entry = z.object({ name: z.string(), address: z.string() });
export const columnDiff = z.object({
  category: z.string(),
  categoryName: z.string(),
  before: z.object({ names: z.string(), addresses: z.string() }),
  after: z.object({ names: z.string(), addresses: z.string() }),
  entries: z.array(
    z.object({
      kind: z.enum(['added', 'removed', 'changed', 'unchanged']),
      before: entry.nullable(),
      after: entry.nullable(),
    }),
  ),
  changed: z.boolean(),
});

export const changeSetView = z.object({
  requestId: z.number().int(),
  type: z.string(),
  typeLabel: z.string(),
  state: z.string(),
  version: z.number().int(),
  submittedAt: z.string(),
  siteName: z.string(),
  siteCode: z.string().nullable(),
  /** Set when the live record changed after the request was submitted. */
  staleWarning: z.string().nullable(),
  changeCount: z.number().int(),
  fields: z.array(fieldDiff),
  columns: z.array(columnDiff),
  domains: z.array(z.object({ host: z.string(), kind: z.enum(['added', 'removed', 'unchanged']) })),
});
export type ChangeSetView = z.infer<typeof changeSetView>;

export const categoriesView = z.object({ items: z.array(categoryView) });
export const categoriesBody = z.object({
  items: z
    .array(
      z.object({
        code: z
          .string()
          .trim()
          .toUpperCase()
          .regex(/^[A-Z][A-Z0-9]{1,11}$/, '类别代码为 2–12 位大写字母或数字，以字母开头'),
        groupName: z.string().trim().min(1, '请填写分组').max(20, '分组不能超过 20 个字'),
        name: z.string().trim().min(1, '请填写类别名称').max(30, '类别名称不能超过 30 个字'),
        active: z.boolean(),
      }),
    )
    .min(1, '至少保留一个栏目类别')
    .max(60, '栏目类别最多 60 个'),
});
export type CategoriesBody = z.infer<typeof categoriesBody>;
