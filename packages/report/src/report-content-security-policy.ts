/**
 * The Content-Security-Policy every self-contained kyocho page carries (the assessment report, the what-if report):
 * nothing may be fetched or run — styles and images inline only, no script, no form, no frame. A report opened from
 * a mail or a shared drive cannot call out of the bank, whatever a case's text holds.
 */
export const REPORT_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";
