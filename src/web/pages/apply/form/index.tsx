// 新增网站 application form (SPEC §7.1.1 steps 3–4): five pages with 「下一步」/「上一步」, checks at each field with the
// domain rules, the draft kept in sessionStorage, one idempotent 「提交」; also used to correct a returned application.

import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Result, Spin, Steps } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { emptySiteInfoInput, type SiteInfoInput, validateSiteInfo } from '../../../../domain/site-info.ts';
import { ACTION_LABELS } from '../../../../domain/status-labels.ts';
import { t } from '../../../locales/zh-CN.ts';
import { ApiError, errorMessage } from '../../../request.ts';
import { LinkButton } from '../../../shared/LinkButton.tsx';
import { ProgressLink, PublicFrame } from '../../../shared/PublicFrame.tsx';
import {
  lookupOrg,
  type OrgLookup,
  openApplication,
  type ResubmitResult,
  resubmitApplication,
  submitApplication,
} from './api.ts';
import { ConfirmStep } from './components/ConfirmStep.tsx';
import { ContactsStep } from './components/ContactsStep.tsx';
import { RulesContext } from './components/Field.tsx';
import { FilingStep } from './components/FilingStep.tsx';
import { SiteStep } from './components/SiteStep.tsx';
import { SponsorStep } from './components/SponsorStep.tsx';
import { SubmittedView } from './components/SubmittedView.tsx';
import {
  type ApplyDraft,
  clearDraft,
  clearSubmitted,
  loadDraft,
  loadSubmitted,
  newIdempotencyKey,
  type SubmittedApplication,
  saveDraft,
  saveSubmitted,
} from './draft.ts';
import { type FieldMessage, useSiteInfoRules } from './rules.ts';
import { CONFIRM_STEP, FORM_STEPS, stepOfField } from './steps.ts';

const freshDraft = (): ApplyDraft => ({
  values: emptySiteInfoInput(),
  step: 0,
  idempotencyKey: newIdempotencyKey(),
  org: null,
  resubmit: null,
});

function startingDraft(resubmitCode: string | undefined): ApplyDraft | null {
  const stored = loadDraft();
  if (resubmitCode) return stored?.resubmit?.tempCode === resubmitCode ? stored : null;
  return stored && stored.resubmit === null ? stored : freshDraft();
}

/** `130302（河北省 / 秦皇岛市 / 海港区）` for the receipt. */
function orgDescription(org: OrgLookup | null, code: string): string {
  if (!org) return code;
  return `${org.code}（${[org.province, org.city, org.county].filter(Boolean).join(' / ')}）`;
}

function fieldErrors(error: unknown): FieldMessage[] {
  const fields = error instanceof ApiError ? error.details?.fields : undefined;
  return Array.isArray(fields) ? (fields as FieldMessage[]) : [];
}

export default function ApplyFormPage() {
  const text = t.applyForm;
  const navigate = useNavigate();
  const resubmitCode = (useLocation().state as { resubmitCode?: string } | null)?.resubmitCode;
  const [form] = Form.useForm<SiteInfoInput>();
  const [draft, setDraft] = useState<ApplyDraft | null>(() => startingDraft(resubmitCode));
  const [submitted, setSubmitted] = useState<SubmittedApplication | null>(() =>
    resubmitCode ? null : loadSubmitted(),
  );
  const [resubmitted, setResubmitted] = useState<ResubmitResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const draftRef = useRef(draft);
  draftRef.current = draft;

  const update = (change: Partial<ApplyDraft>) => {
    const current = draftRef.current;
    if (!current) return;
    const next = { ...current, values: form.getFieldsValue(true) as SiteInfoInput, ...change };
    draftRef.current = next;
    setDraft(next);
    saveDraft(next);
  };

  const rules = useSiteInfoRules(form, {
    tempCode: () => draftRef.current?.resubmit?.tempCode,
    onOrg: (org) => update({ org }),
  });

  // Correcting a returned application: load it once with its 临时码.
  // The org code cannot change on resubmission: its 省/市/县 columns are looked up with it, as the first time.
  const opening = useMutation({
    mutationFn: async (tempCode: string) => {
      const opened = await openApplication(tempCode);
      const org = await lookupOrg(opened.info.orgCode).catch(() => null);
      return { opened, org };
    },
    meta: { inlineError: true },
  });
  const openMutate = opening.mutate;
  useEffect(() => {
    if (!resubmitCode || draftRef.current !== null) return;
    openMutate(resubmitCode, {
      onSuccess: ({ opened, org }) => {
        const next: ApplyDraft = {
          ...freshDraft(),
          values: opened.info,
          org,
          resubmit: { tempCode: resubmitCode, returnReason: opened.returnReason },
        };
        setDraft(next);
        saveDraft(next);
      },
    });
  }, [resubmitCode, openMutate]);

  const submit = useMutation({
    mutationFn: async (d: ApplyDraft) => {
      const values = form.getFieldsValue(true) as SiteInfoInput;
      if (d.resubmit)
        return { kind: 'resubmit' as const, result: await resubmitApplication(d.resubmit.tempCode, values) };
      return { kind: 'new' as const, result: await submitApplication(values, d.idempotencyKey), values };
    },
    meta: { inlineError: true },
    onSuccess: (outcome) => {
      clearDraft();
      if (outcome.kind === 'resubmit') {
        setResubmitted(outcome.result);
        return;
      }
      const checked = validateSiteInfo(outcome.values);
      const done: SubmittedApplication = {
        ...outcome.result,
        siteName: checked.value?.name ?? '',
        homeUrl: checked.value?.homeUrl ?? '',
        orgName: orgDescription(draftRef.current?.org ?? null, checked.value?.orgCode ?? ''),
        submittedAt: new Date().toISOString(),
      };
      saveSubmitted(done);
      setSubmitted(done);
    },
    onError: async (error) => {
      const fields = fieldErrors(error);
      // A definite refusal created nothing: the next attempt gets a new key. After a network error or a 5xx the
      // outcome is unknown, so the same key is kept and a retry answers with the original 临时码 if there was one.
      if (error instanceof ApiError && error.status >= 400 && error.status < 500)
        update({ idempotencyKey: newIdempotencyKey() });
      if (fields.length > 0) {
        await rules.showServerErrors(fields);
        update({ step: stepOfField(fields[0]?.field ?? '') });
      }
      setFailure(errorMessage(error));
    },
  });

  if (submitted) {
    return (
      <PublicFrame maxWidth={880} extra={<ProgressLink />}>
        <SubmittedView
          result={submitted}
          onNew={() => {
            clearSubmitted();
            navigate('/apply');
          }}
        />
      </PublicFrame>
    );
  }

  if (resubmitted) {
    return (
      <PublicFrame maxWidth={880} extra={<ProgressLink />}>
        <Card>
          <Result
            status="success"
            title={text.resubmittedTitle}
            subTitle={text.resubmittedSub(resubmitted.text, resubmitted.firstReviewer.name)}
            extra={
              <Button type="primary" onClick={() => navigate('/progress', { state: { tempCode: resubmitCode } })}>
                {text.submitted.queryProgress}
              </Button>
            }
          />
        </Card>
      </PublicFrame>
    );
  }

  if (!draft) {
    return (
      <PublicFrame maxWidth={880} extra={<ProgressLink />}>
        <Card title={text.resubmitTitle}>
          {opening.isError ? (
            <Result
              status="warning"
              title={errorMessage(opening.error)}
              extra={<LinkButton to="/progress">{t.progress.title}</LinkButton>}
            />
          ) : (
            <Spin />
          )}
        </Card>
      </PublicFrame>
    );
  }

  const step = draft.step;
  const submitLabel = draft.resubmit ? text.resubmit : ACTION_LABELS.submit;
  const goTo = (next: number) => {
    setFailure(null);
    update({ step: next });
    window.scrollTo({ top: 0 });
  };
  const next = async () => {
    try {
      await form.validateFields(FORM_STEPS[step]?.fields ?? [], { recursive: true });
      goTo(step + 1);
    } catch {
      // antd shows the messages at the fields.
    }
  };
  const send = async () => {
    try {
      await form.validateFields(undefined, { recursive: true });
    } catch (error) {
      const first = (error as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0]?.name.join('.');
      if (first) goTo(stepOfField(first));
      return;
    }
    setFailure(null);
    submit.mutate(draft);
  };

  return (
    <PublicFrame maxWidth={880} extra={<ProgressLink />}>
      <Card title={draft.resubmit ? text.resubmitTitle : text.title}>
        {draft.resubmit && (
          <Alert
            type="error"
            showIcon
            title={text.returnReason(draft.resubmit.returnReason ?? '')}
            style={{ marginBottom: 16 }}
          />
        )}
        <Steps current={step} items={FORM_STEPS.map((s) => ({ title: s.title }))} style={{ marginBottom: 24 }} />
        <RulesContext.Provider value={rules}>
          <Form
            form={form}
            layout="vertical"
            initialValues={draft.values}
            onValuesChange={() => update({})}
            requiredMark
            scrollToFirstError={{ block: 'center' }}
          >
            {[
              <SiteStep key="site" org={draft.org} lockedOrg={draft.resubmit !== null} />,
              <SponsorStep key="sponsor" />,
              <ContactsStep key="contacts" />,
              <FilingStep key="filing" />,
            ].map((pane, i) => (
              <div key={pane.key} style={{ display: i === step ? 'block' : 'none' }}>
                {pane}
              </div>
            ))}
            {step === CONFIRM_STEP && <ConfirmStep org={draft.org} submitLabel={submitLabel} />}
          </Form>
        </RulesContext.Provider>
        {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
        <Flex gap={12} justify="flex-end" wrap style={{ marginTop: 24 }}>
          {step === 0 ? (
            <LinkButton to={draft.resubmit ? '/progress' : '/apply'}>{text.back}</LinkButton>
          ) : (
            <Button onClick={() => goTo(step - 1)}>{text.prev}</Button>
          )}
          {step < CONFIRM_STEP ? (
            <Button type="primary" onClick={next}>
              {ACTION_LABELS.next}
            </Button>
          ) : (
            <Button type="primary" loading={submit.isPending} onClick={send}>
              {submitLabel}
            </Button>
          )}
        </Flex>
      </Card>
    </PublicFrame>
  );
}
