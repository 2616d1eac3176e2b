import { needlesFor } from '../../support/secret-forms';
import {
  decodedSource,
  describeLeaks,
  findLeaks,
  leakedForms,
  withDecodedStrings,
} from '../../support/secret-scan';

const LONG = 'Hd7r+t/=& %Kw4"\\m';
const SHORT = 'a+b c';

describe('findLeaks', () => {
  it('finds a long secret anywhere, and says where with an excerpt', () => {
    const leaks = findLeaks(
      [
        { label: 'clean', text: 'nothing to see' },
        {
          label: 'query echo',
          text: `GET /items?page=1&key=${new URLSearchParams({ k: LONG }).toString().slice(2)}`,
        },
      ],
      needlesFor('header', LONG),
    );
    expect(leaks).toEqual([
      {
        needle: expect.objectContaining({ secret: 'header', form: 'form' }),
        source: 'query echo',
        excerpt: 'GET /items?page=1&key=Hd7r%2Bt%2F%3D%26+%25Kw4%22%5Cm',
      },
    ]);
  });

  it('cuts long excerpts around the occurrence', () => {
    const text = `${'x'.repeat(500)}${LONG}${'y'.repeat(500)}`;
    const [leak] = findLeaks([{ label: 'big', text }], needlesFor('header', LONG));
    expect(leak!.excerpt).toBe(`…${'x'.repeat(60)}${LONG}${'y'.repeat(60)}…`);
  });

  it('counts a short secret only where it stands alone', () => {
    const needles = needlesFor('pin', SHORT);
    const found = (text: string) => findLeaks([{ label: 't', text }], needles).map((l) => l.needle.form);
    expect(found('{"password":"a+b c"}')).toEqual(['raw']);
    expect(found('pin=a%2Bb+c&x=1')).toEqual(['form']);
    expect(found('data+b cat')).toEqual([]);
    expect(found('xa%2Bb+c')).toEqual([]);
    expect(found('a+b c9')).toEqual([]);
  });
});

describe('decoded views', () => {
  it('finds a secret escaped twice (an upstream JSON echo inside our JSON) by decoding once', () => {
    const upstream = JSON.stringify({ headers: { 'x-echo-key': LONG } });
    const ours = JSON.stringify({ error: `Step keys failed: 127.0.0.1 responded 500: ${upstream}` });
    const needles = needlesFor('header', LONG);
    expect(findLeaks([{ label: 'raw', text: ours }], needles)).toEqual([]);
    const views = withDecodedStrings({ label: 'run', text: ours });
    expect(views.map((v) => v.label)).toEqual(['run', 'run (decoded strings)']);
    expect(leakedForms(findLeaks(views, needles))).toEqual(['header as json']);
  });

  it('includes object keys, and leaves text that is not JSON as it is', () => {
    const views = withDecodedStrings({ label: 'body', text: JSON.stringify({ echo: { [LONG]: true } }) });
    expect(leakedForms(findLeaks(views, needlesFor('header', LONG)))).toEqual([
      'header as json',
      'header as raw',
    ]);
    expect(withDecodedStrings({ label: 'line', text: `plain ${LONG}` })).toEqual([
      { label: 'line', text: `plain ${LONG}` },
    ]);
    expect(decodedSource('item', { n: 1 })).toEqual([{ label: 'item (decoded strings)', text: 'n' }]);
    expect(decodedSource('item', 7)).toEqual([]);
  });
});

describe('describeLeaks', () => {
  it('groups by secret and form, with the first places and a count of the rest', () => {
    const sources = Array.from({ length: 5 }, (_, i) => ({ label: `response ${i}`, text: `x ${LONG} y` }));
    const report = describeLeaks(findLeaks(sources, needlesFor('header', LONG)));
    expect(report).toBe(
      [
        '5 secret occurrence(s) found, 1 form(s):',
        `- header as raw (${JSON.stringify(LONG)}): 5 place(s)`,
        `    in response 0: ${JSON.stringify(`x ${LONG} y`)}`,
        `    in response 1: ${JSON.stringify(`x ${LONG} y`)}`,
        `    in response 2: ${JSON.stringify(`x ${LONG} y`)}`,
        '    and 2 more',
      ].join('\n'),
    );
  });
});
