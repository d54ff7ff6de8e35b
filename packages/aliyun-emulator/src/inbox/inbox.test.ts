import { describe, expect, it } from 'vitest';
import { chinaSend, emulatorFor, overseasSend, sendV1 } from '../test-support/emulator-fixture.js';
import { createInbox, type InboxMessage } from './inbox.js';

const message = (phone: string, text = 'hi'): InboxMessage => ({
  id: `${phone}-${text}`,
  phone,
  phoneNumbers: phone.replace('+', ''),
  signName: 'smskit',
  templateCode: 'SMS_CN_GENERIC',
  params: { code: '1234' },
  text,
  route: phone.startsWith('+86') ? 'china' : 'overseas',
  bizId: '1^0',
  requestId: 'R',
  receivedAt: new Date(0).toISOString(),
});

describe('inbox', () => {
  it('lists newest first and filters by a number in any accepted format', () => {
    const inbox = createInbox(10);
    inbox.add([message('+8613800138000', 'a'), message('+14155552671', 'b')]);
    inbox.add([message('+8613800138000', 'c')]);
    expect(inbox.list().map((entry) => entry.text)).toEqual(['c', 'b', 'a']);
    for (const phone of ['13800138000', '+86 138 0013 8000', '8613800138000', '008613800138000']) {
      expect(inbox.list({ phone }).map((entry) => entry.text)).toEqual(['c', 'a']);
    }
    for (const phone of ['+1 (415) 555-2671', '14155552671', '0014155552671']) {
      expect(inbox.list({ phone }).map((entry) => entry.text)).toEqual(['b']);
    }
    expect(inbox.last('13800138000')?.text).toBe('c');
    expect(inbox.last('13900139000')).toBeUndefined();
  });

  it('keeps the newest `limit` messages', () => {
    const inbox = createInbox(2);
    inbox.add([message('+8613800138000', '1'), message('+8613800138000', '2')]);
    inbox.add([message('+8613800138000', '3')]);
    expect(inbox.list().map((entry) => entry.text)).toEqual(['3', '2']);
  });

  it('hands out messages nobody can change', () => {
    const inbox = createInbox(2);
    inbox.add([message('+8613800138000')]);
    const [listed] = inbox.list();
    expect(() => {
      (listed as { text: string }).text = 'changed';
    }).toThrow(TypeError);
    expect(() => {
      (listed?.params as Record<string, string>).code = '0000';
    }).toThrow(TypeError);
  });

  it('waits for the next message, optionally to one number', async () => {
    const inbox = createInbox(10);
    inbox.add([message('+8613800138000', 'old')]);
    const anyMessage = inbox.waitForMessage();
    const forUs = inbox.waitForMessage({ phone: '+1 415 555 2671' });
    inbox.add([message('+8613800138000', 'new')]);
    expect((await anyMessage).text).toBe('new');
    inbox.add([message('+14155552671', 'ours')]);
    expect((await forUs).text).toBe('ours');
  });

  it('stops waiting after timeoutMs, and when the signal aborts', async () => {
    const inbox = createInbox(10);
    await expect(inbox.waitForMessage({ phone: '13800138000', timeoutMs: 20 })).rejects.toThrow(
      'No message to 13800138000 arrived within 20 ms',
    );
    const controller = new AbortController();
    const waiting = inbox.waitForMessage({ signal: controller.signal });
    controller.abort(new Error('test over'));
    await expect(waiting).rejects.toThrow('test over');
    await expect(inbox.waitForMessage({ signal: AbortSignal.abort() })).rejects.toThrow();
  });

  it('tells subscribers about messages and clearing', () => {
    const inbox = createInbox(10);
    const events: string[] = [];
    const unsubscribe = inbox.subscribe((event) => events.push(event.type));
    inbox.add([message('+8613800138000')]);
    inbox.clear();
    unsubscribe();
    inbox.add([message('+8613800138000')]);
    expect(events).toEqual(['message', 'clear']);
    expect(inbox.list()).toHaveLength(1);
  });
});

describe('inbox over HTTP', () => {
  it('lists with GET /_emulator/messages (newest first, ?phone= in any format) and clears with DELETE', async () => {
    await using emulator = await emulatorFor();
    await sendV1(emulator, 'SendSms', chinaSend);
    await sendV1(emulator, 'SendSms', overseasSend);
    const list = async (query = '') =>
      (await (await fetch(`${emulator.url}/_emulator/messages${query}`)).json()) as InboxMessage[];
    expect((await list()).map((entry) => entry.phone)).toEqual(['+14155552671', '+8613800138000']);
    expect((await list('?phone=%2B86%20138%200013%208000')).map((entry) => entry.phone)).toEqual([
      '+8613800138000',
    ]);
    expect(await list()).toEqual(emulator.inbox.list());
    expect((await fetch(`${emulator.url}/_emulator/messages`, { method: 'DELETE' })).status).toBe(
      204,
    );
    expect(await list()).toEqual([]);
  });

  it('streams new messages as Server-Sent Events', async () => {
    await using emulator = await emulatorFor();
    const controller = new AbortController();
    const response = await fetch(`${emulator.url}/_emulator/events`, { signal: controller.signal });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = (response.body as ReadableStream<Uint8Array>)
      .pipeThrough(new TextDecoderStream())
      .getReader();
    let received = '';
    const sent = sendV1(emulator, 'SendSms', chinaSend);
    while (!received.includes('event: message')) {
      const { value, done } = await reader.read();
      if (done) break;
      received += value;
    }
    await sent;
    while (!received.endsWith('\n\n')) received += (await reader.read()).value ?? '';
    const data = /event: message\ndata: (.*)\n/.exec(received)?.[1] ?? '';
    expect(JSON.parse(data)).toEqual(emulator.inbox.list()[0]);
    controller.abort();
  });

  it('waits for a message sent over HTTP', async () => {
    await using emulator = await emulatorFor();
    const waiting = emulator.inbox.waitForMessage({ phone: '13800138000', timeoutMs: 5000 });
    await sendV1(emulator, 'SendSms', chinaSend);
    expect((await waiting).params.code).toBe('123456');
  });
});
