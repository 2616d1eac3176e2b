import { basicAuthNeedles, needlesFor, secretForms } from '../../support/secret-forms';

const formsOf = (secret: string) => Object.fromEntries(secretForms(secret).map((f) => [f.form, f.text]));

describe('secretForms', () => {
  it.each([
    [
      's3cr+t/=& %Xy9',
      {
        raw: 's3cr+t/=& %Xy9',
        uri: 's3cr%2Bt%2F%3D%26%20%25Xy9',
        'uri-lower': 's3cr%2bt%2f%3d%26%20%25Xy9',
        form: 's3cr%2Bt%2F%3D%26+%25Xy9',
        'form-lower': 's3cr%2bt%2f%3d%26+%25Xy9',
        base64: 'czNjcit0Lz0mICVYeTk=',
        'base64-unpadded': 'czNjcit0Lz0mICVYeTk',
      },
    ],
    [
      'Bz3r+t/=& %Xy9"\\q',
      {
        raw: 'Bz3r+t/=& %Xy9"\\q',
        uri: 'Bz3r%2Bt%2F%3D%26%20%25Xy9%22%5Cq',
        'uri-lower': 'Bz3r%2bt%2f%3d%26%20%25Xy9%22%5cq',
        form: 'Bz3r%2Bt%2F%3D%26+%25Xy9%22%5Cq',
        'form-lower': 'Bz3r%2bt%2f%3d%26+%25Xy9%22%5cq',
        base64: 'Qnozcit0Lz0mICVYeTkiXHE=',
        'base64-unpadded': 'Qnozcit0Lz0mICVYeTkiXHE',
        json: 'Bz3r+t/=& %Xy9\\"\\\\q',
      },
    ],
    [
      // Bytes whose base64 has `+` and `/`: base64url spells them `-` and `_`.
      '~~?>~',
      {
        raw: '~~?>~',
        uri: '~~%3F%3E~',
        'uri-lower': '~~%3f%3e~',
        form: '%7E%7E%3F%3E%7E',
        'form-lower': '%7e%7e%3f%3e%7e',
        base64: 'fn4/Pn4=',
        'base64-unpadded': 'fn4/Pn4',
        base64url: 'fn4_Pn4',
        'base64url-padded': 'fn4_Pn4=',
      },
    ],
    ['plain1234', { raw: 'plain1234', base64: 'cGxhaW4xMjM0' }],
  ])('spells %j in every distinct way, each once', (secret, expected) => {
    expect(formsOf(secret)).toEqual(expected);
  });

  it('gives forms that decode back to the secret', () => {
    const secret = 'ops.Ux4:Pw8+t/=& %Lm3"\\z é';
    const forms = formsOf(secret);
    expect(decodeURIComponent(forms.uri!)).toBe(secret);
    expect(decodeURIComponent(forms['uri-lower']!)).toBe(secret);
    expect(new URLSearchParams(`x=${forms.form}`).get('x')).toBe(secret);
    expect(new URLSearchParams(`x=${forms['form-lower']}`).get('x')).toBe(secret);
    for (const name of ['base64', 'base64-unpadded', 'base64url', 'base64url-padded'] as const) {
      if (forms[name] !== undefined) expect(Buffer.from(forms[name], 'base64').toString('utf8')).toBe(secret);
    }
    expect(JSON.parse(`"${forms.json}"`)).toBe(secret);
  });

  it('has nothing to search for in an empty secret', () => {
    expect(secretForms('')).toEqual([]);
  });
});

describe('needles', () => {
  it('search short secrets only where they stand alone', () => {
    expect(needlesFor('pin', 'a+b c').every((n) => n.standalone && n.secret === 'pin')).toBe(true);
    expect(needlesFor('key', 'a+b cdef').some((n) => n.standalone)).toBe(false);
  });

  it('look for basic auth as user:password and for the password on its own', () => {
    const needles = basicAuthNeedles('crm', 'ops', 'a+b c');
    const text = (secret: string, form: string) =>
      needles.find((n) => n.secret === secret && n.form === form)?.text;
    expect(text('crm', 'base64')).toBe(Buffer.from('ops:a+b c').toString('base64'));
    expect(text('crm password', 'raw')).toBe('a+b c');
    expect(needles.filter((n) => n.secret === 'crm').every((n) => !n.standalone)).toBe(true);
    expect(needles.filter((n) => n.secret === 'crm password').every((n) => n.standalone)).toBe(true);
  });
});
