// @ts-check
// The demo page: POST /api/verification/send, then POST /api/verification/verify, showing the
// server's answers. Every error answer is `{ error: { code, message, field?, retryAfter? } }`.

const usageType = 'SignIn';

/**
 * @template {HTMLElement} T
 * @param {string} id
 * @param {{ new (): T }} type
 * @returns {T}
 */
function byId(id, type) {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new Error(`#${id} is missing`);
  return found;
}

const steps = {
  phone: byId('phone-step', HTMLElement),
  code: byId('code-step', HTMLElement),
  verified: byId('verified-step', HTMLElement),
};
const phoneInput = byId('phone', HTMLInputElement);
const codeInput = byId('code', HTMLInputElement);
const sendButton = byId('send', HTMLButtonElement);
const verifyButton = byId('verify', HTMLButtonElement);
const resendButton = byId('resend', HTMLButtonElement);
const alertBox = byId('alert', HTMLDivElement);
const statusLine = byId('status', HTMLParagraphElement);

/** @type {Record<string, HTMLInputElement>} */
const fields = { phone: phoneInput, code: codeInput };

// A button's own label, which a countdown or a pending request replaces for a while.
for (const button of document.querySelectorAll('button')) {
  button.dataset.label = button.textContent ?? '';
}
/** @param {HTMLButtonElement} button */
const release = (button) => {
  button.textContent = button.dataset.label ?? '';
  button.removeAttribute('aria-disabled');
};

/** @typedef {{ code: string, message: string, field?: string, retryAfter?: number }} ErrorBody */
/** @typedef {{ ok: true, body: any } | { ok: false, status: number, error: ErrorBody, retryAfter: number | undefined }} Answer */

/**
 * POSTs JSON to the verification router and reads its answer.
 * @param {'send' | 'verify'} action
 * @param {Record<string, string>} body
 * @returns {Promise<Answer>}
 */
async function post(action, body) {
  let response;
  try {
    response = await fetch(`/api/verification/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    const error = { code: 'NETWORK', message: 'The demo server cannot be reached. Is it running?' };
    return { ok: false, status: 0, error, retryAfter: undefined };
  }
  const json = await response.json().catch(() => undefined);
  if (response.ok) return { ok: true, body: json };
  const header = Number.parseInt(response.headers.get('retry-after') ?? '', 10);
  return {
    ok: false,
    status: response.status,
    error: json?.error ?? {
      code: `HTTP_${response.status}`,
      message: `The server answered ${response.status} ${response.statusText}`,
    },
    retryAfter: Number.isNaN(header) ? json?.error?.retryAfter : header,
  };
}

/** @param {string} text */
const announce = (text) => {
  statusLine.textContent = text;
};

/** @param {string} text */
const sentence = (text) => {
  const capitalised = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
};

function clearErrors() {
  alertBox.replaceChildren();
  for (const input of Object.values(fields)) {
    input.removeAttribute('aria-invalid');
    byId(`${input.id}-error`, HTMLParagraphElement).textContent = '';
  }
}

/**
 * Shows an error answer next to the field it names, or else in the alert below the form.
 * @param {ErrorBody} error
 * @param {number} status
 */
function showError(error, status) {
  const input = error.field === undefined ? undefined : fields[error.field];
  if (input !== undefined && !input.closest('[hidden]')) {
    input.setAttribute('aria-invalid', 'true');
    byId(`${input.id}-error`, HTMLParagraphElement).textContent = sentence(error.message);
    input.focus();
    return;
  }
  const code = document.createElement('span');
  code.className = 'error-code';
  code.textContent = status === 0 ? error.code : `${status} ${error.code}`;
  alertBox.replaceChildren(sentence(error.message), ' ', code);
}

/** @type {{ button: HTMLButtonElement, timer: number } | undefined} */
let countdown;

function stopCountdown() {
  if (countdown === undefined) return;
  clearInterval(countdown.timer);
  release(countdown.button);
  countdown = undefined;
}

/**
 * Holds `button` back for `seconds`, counting down on its label (Retry-After, resend interval).
 * @param {HTMLButtonElement} button
 * @param {number} seconds
 * @param {boolean} announceEnd whether to say so when the wait is over
 */
function startCountdown(button, seconds, announceEnd) {
  stopCountdown();
  if (!(seconds > 0)) return;
  const end = Date.now() + seconds * 1000;
  const tick = () => {
    const left = Math.ceil((end - Date.now()) / 1000);
    if (left > 0) {
      button.textContent = `${button.dataset.label} (${left} s)`;
      return;
    }
    stopCountdown();
    if (announceEnd) {
      alertBox.replaceChildren();
      announce('You can request a new code now.');
    }
  };
  button.setAttribute('aria-disabled', 'true');
  countdown = { button, timer: window.setInterval(tick, 250) };
  tick();
}

/** @param {HTMLButtonElement} button */
const isHeldBack = (button) => button.getAttribute('aria-disabled') === 'true';

/**
 * Runs a request with `button` marked busy; a busy or held-back button does nothing.
 * @param {HTMLButtonElement} button
 * @param {string} busyLabel
 * @param {() => Promise<void>} run
 */
async function withButton(button, busyLabel, run) {
  if (isHeldBack(button)) return;
  button.setAttribute('aria-disabled', 'true');
  button.textContent = busyLabel;
  try {
    await run();
  } finally {
    // Unless a countdown holds it back now.
    if (countdown?.button !== button) release(button);
  }
}

/** @param {keyof typeof steps} name */
function showStep(name) {
  for (const [key, step] of Object.entries(steps)) step.hidden = key !== name;
}

/** @param {number} seconds */
const duration = (seconds) =>
  seconds % 60 === 0
    ? `${seconds / 60} minute${seconds === 60 ? '' : 's'}`
    : `${seconds} second${seconds === 1 ? '' : 's'}`;

/**
 * The trimmed value of a field, or '' after saying that it is empty.
 * @param {HTMLInputElement} input
 * @param {string} message
 */
function filledIn(input, message) {
  const value = input.value.trim();
  if (value === '') showError({ code: 'INVALID_INPUT', message, field: input.name }, 400);
  return value;
}

/**
 * Shows a refusal; after a 429 or 503 with Retry-After, holds `button` back that long.
 * @param {Extract<Answer, { ok: false }>} answer
 * @param {HTMLButtonElement} button
 */
function showRefusal(answer, button) {
  showError(answer.error, answer.status);
  if (answer.retryAfter !== undefined) startCountdown(button, answer.retryAfter, true);
}

/** @param {HTMLButtonElement} button */
const sendCode = (button) =>
  withButton(button, 'Sending…', async () => {
    clearErrors();
    const phone = filledIn(phoneInput, 'Enter your mobile number');
    if (phone === '') return;
    const answer = await post('send', { phone, usageType });
    if (!answer.ok) return showRefusal(answer, button);
    byId('sent-to', HTMLElement).textContent = phone;
    const validity = `It is valid for ${duration(answer.body.expiresIn)}.`;
    byId('expires', HTMLSpanElement).textContent = validity;
    codeInput.value = '';
    showStep('code');
    codeInput.focus();
    announce(`Code sent to ${phone}. ${validity}`);
    startCountdown(resendButton, answer.body.resendIn, false);
  });

byId('phone-form', HTMLFormElement).addEventListener('submit', (event) => {
  event.preventDefault();
  void sendCode(sendButton);
});

resendButton.addEventListener('click', () => {
  void sendCode(resendButton);
});

byId('code-form', HTMLFormElement).addEventListener('submit', (event) => {
  event.preventDefault();
  void withButton(verifyButton, 'Verifying…', async () => {
    clearErrors();
    const code = filledIn(codeInput, 'Enter the code from the SMS');
    if (code === '') return;
    const answer = await post('verify', { phone: phoneInput.value.trim(), usageType, code });
    if (!answer.ok) return showRefusal(answer, resendButton);
    stopCountdown();
    byId('verified-phone', HTMLElement).textContent = answer.body.phone;
    showStep('verified');
    document.title = 'Verified · smskit demo';
    byId('verified-title', HTMLHeadingElement).focus();
  });
});

byId('change-number', HTMLButtonElement).addEventListener('click', () => {
  clearErrors();
  stopCountdown();
  showStep('phone');
  phoneInput.focus();
});

byId('restart', HTMLButtonElement).addEventListener('click', () => {
  clearErrors();
  phoneInput.value = '';
  document.title = 'Verify your phone number · smskit demo';
  showStep('phone');
  phoneInput.focus();
});

// Where the emulator shows the SMS it received; null when the demo sends real SMS.
fetch('/api/demo')
  .then((response) => response.json())
  .then((/** @type {{ inboxUrl: string | null }} */ demo) => {
    if (demo.inboxUrl === null) return;
    // The emulator runs next to this server: on this page's host also when opened from another
    // device (HOST=0.0.0.0), where the server's own name for it, 127.0.0.1, would not reach it.
    const inbox = new URL(demo.inboxUrl);
    inbox.hostname = location.hostname;
    const link = document.createElement('a');
    link.href = inbox.href;
    link.target = '_blank';
    link.rel = 'noopener';
    link.textContent = 'SMS inbox';
    byId('inbox-link', HTMLSpanElement).replaceWith(link);
    byId('emulator-note', HTMLElement).hidden = false;
  })
  .catch(() => undefined);
