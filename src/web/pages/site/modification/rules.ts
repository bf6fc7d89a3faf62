// Field rules of 基本信息修改: the domain's validateSiteInfo with the read-only fields of the live record, the 栏目
// pair rule of each row, and server answers kept at their field until the value there changes.
import type { FormInstance, FormRule } from 'antd';
import { useMemo, useRef } from 'react';
import { type SiteInfoInput, validateSiteInfo } from '../../../../domain/site-info.ts';
import { parseColumnPair } from '../../../../domain/validation/columns.ts';
import type { FieldMessage, SiteInfoRules } from '../../apply/form/rules.ts';
import { toNamePath } from '../../apply/form/rules.ts';

export interface ReadOnlyFields {
  orgCode: string;
  isPortal: boolean;
  isServicePlatform: boolean;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function useModificationRules(
  // Untyped on purpose: rules address fields by computed paths (`contacts.1.email`), as in the application form.
  form: FormInstance,
  readOnly: ReadOnlyFields,
): SiteInfoRules {
  const remote = useRef(new Map<string, { value: unknown; message: string }>());
  const fixed = useRef(readOnly);
  fixed.current = readOnly;

  return useMemo(() => {
    const check = () => {
      const { orgCode, isPortal, isServicePlatform } = fixed.current;
      return validateSiteInfo({
        ...(form.getFieldsValue(true) as SiteInfoInput),
        orgCode,
        isPortal,
        isServicePlatform,
      });
    };
    const serverMessage = (field: string) => {
      const server = remote.current.get(field);
      return server && same(server.value, form.getFieldValue(toNamePath(field))) ? server.message : null;
    };
    return {
      rulesFor(field) {
        const local: FormRule = {
          validator: async () => {
            const error = check().errors.find((e) => e.field === field);
            if (error) throw new Error(error.message);
            const server = serverMessage(field);
            if (server) throw new Error(server);
          },
        };
        const warning: FormRule = {
          warningOnly: true,
          validator: async () => {
            const found = check().warnings.find((w) => w.field === field);
            if (found) throw new Error(found.message);
          },
        };
        return [local, warning];
      },
      async showServerErrors(fields: FieldMessage[]) {
        for (const f of fields) {
          remote.current.set(f.field, { value: form.getFieldValue(toNamePath(f.field)), message: f.message });
        }
        await form.validateFields(fields.map((f) => toNamePath(f.field))).catch(() => undefined);
      },
    };
  }, [form]);
}

/** The rule of one 栏目 row, on its address field: the pair must parse (SPEC §5.2), messages name the category. */
export function columnRule(form: FormInstance, index: number, categoryName: string): FormRule {
  return {
    validator: async () => {
      const names = String(form.getFieldValue(['columns', index, 'names']) ?? '');
      const addresses = String(form.getFieldValue(['columns', index, 'addresses']) ?? '');
      const r = parseColumnPair(names, addresses);
      if (!r.ok) throw new Error(`${categoryName}：${r.error}`);
    },
  };
}
