// Field rules of the application form: the domain's validateSiteInfo (the very rules the server runs), server answers
// kept at their field until the value changes, and the on-blur checks that need the server (duplicates, org code).
import type { FormInstance, FormRule } from 'antd';
import { useMemo, useRef } from 'react';
import { parseOrgCode } from '../../../../domain/org-code.ts';
import { type SiteInfoInput, validateSiteInfo } from '../../../../domain/site-info.ts';
import { errorMessage } from '../../../request.ts';
import { checkDuplicates, type DuplicateCheckResult, lookupOrg, type OrgLookup } from './api.ts';

export type NamePath = (string | number)[];

/** `contacts.1.email` → ['contacts', 1, 'email'] (antd's name path). */
export function toNamePath(field: string): NamePath {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export interface FieldMessage {
  field: string;
  message: string;
}

export interface SiteInfoRules {
  /** Rules of one field (dotted path). */
  rulesFor(field: string): FormRule[];
  /** Keeps server messages at their fields (until the value there changes) and shows them. */
  showServerErrors(fields: FieldMessage[]): Promise<void>;
}

export function useSiteInfoRules(
  // Untyped on purpose: rules address fields by computed paths (`contacts.1.email`), which antd's typed paths reject.
  form: FormInstance,
  options: { tempCode: () => string | undefined; onOrg: (org: OrgLookup | null) => void },
): SiteInfoRules {
  const remote = useRef(new Map<string, { value: unknown; message: string }>());
  const duplicates = useRef(new Map<string, Promise<DuplicateCheckResult>>());
  const orgs = useRef(new Map<string, Promise<OrgLookup>>());
  const opts = useRef(options);
  opts.current = options;

  return useMemo(() => {
    const values = () => form.getFieldsValue(true) as SiteInfoInput;
    const localCheck = () => validateSiteInfo(values());
    const hasLocalError = (field: string) => localCheck().errors.some((e) => e.field === field);

    const duplicateCheck = (field: 'name' | 'homeUrl', value: string) => {
      const key = `${field}:${value.trim()}:${opts.current.tempCode() ?? ''}`;
      let pending = duplicates.current.get(key);
      if (!pending) {
        pending = checkDuplicates({ [field]: value, tempCode: opts.current.tempCode() });
        // A failed call (network) is not remembered, so the next blur asks again.
        pending.catch(() => duplicates.current.delete(key));
        duplicates.current.set(key, pending);
      }
      return pending;
    };

    const local: (field: string) => FormRule = (field) => ({
      validator: async () => {
        const error = localCheck().errors.find((e) => e.field === field);
        if (error) throw new Error(error.message);
        const server = remote.current.get(field);
        if (server && same(server.value, form.getFieldValue(toNamePath(field)))) throw new Error(server.message);
      },
    });

    const warning: (field: string) => FormRule = (field) => ({
      warningOnly: true,
      validator: async () => {
        const found = localCheck().warnings.find((w) => w.field === field);
        if (found) throw new Error(found.message);
      },
    });

    const duplicate: (field: 'name' | 'homeUrl') => FormRule[] = (field) => [
      {
        validateTrigger: 'onBlur',
        validator: async (_rule, value: unknown) => {
          if (typeof value !== 'string' || hasLocalError(field)) return;
          const result = await duplicateCheck(field, value);
          const conflict = result.conflicts.find((c) => c.field === field);
          if (conflict) throw new Error(conflict.message);
        },
      },
      {
        validateTrigger: 'onBlur',
        warningOnly: true,
        validator: async (_rule, value: unknown) => {
          if (typeof value !== 'string' || hasLocalError(field)) return;
          const result = await duplicateCheck(field, value).catch(() => null);
          const note = result?.warnings.find((w) => w.field === field);
          if (note) throw new Error(note.message);
        },
      },
    ];

    const orgExists: FormRule = {
      validateTrigger: 'onBlur',
      validator: async (_rule, value: unknown) => {
        const parsed = parseOrgCode(typeof value === 'string' ? value : '');
        if (!parsed.ok) {
          opts.current.onOrg(null);
          return;
        }
        let pending = orgs.current.get(parsed.code);
        if (!pending) {
          pending = lookupOrg(parsed.code);
          orgs.current.set(parsed.code, pending);
        }
        try {
          opts.current.onOrg(await pending);
        } catch (error) {
          orgs.current.delete(parsed.code);
          opts.current.onOrg(null);
          throw new Error(errorMessage(error));
        }
      },
    };

    return {
      rulesFor(field) {
        const rules = [local(field), warning(field)];
        if (field === 'name' || field === 'homeUrl') rules.push(...duplicate(field));
        if (field === 'orgCode') rules.push(orgExists);
        return rules;
      },
      async showServerErrors(fields) {
        for (const f of fields)
          remote.current.set(f.field, { value: form.getFieldValue(toNamePath(f.field)), message: f.message });
        // Duplicate answers may be stale now (someone else took the name): ask again next time.
        duplicates.current.clear();
        await form.validateFields(fields.map((f) => toNamePath(f.field))).catch(() => undefined);
      },
    };
  }, [form]);
}
