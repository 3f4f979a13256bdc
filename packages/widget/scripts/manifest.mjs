// Writes dist/custom-elements.json (schema 2.0.0) from the class doc comment of <switchboard-chat>,
// the contract that editors, Storybook and docs sites read. It reads the tags the
// custom-elements-manifest analyzer reads, under either of their names, and fails when the
// `@attr` tags and the element's reactive properties disagree, so the contract cannot go stale.
//
//   node scripts/manifest.mjs [--out <file>]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const PACKAGE = fileURLToPath(new URL('..', import.meta.url));
const CLASS_MODULE = 'src/chat/chat.ts';
const DEFINE_MODULE = 'src/define.ts';
const CLASS_NAME = 'SwitchboardChat';

const TAGS = {
  attr: 'attributes',
  attribute: 'attributes',
  event: 'events',
  fires: 'events',
  csspart: 'cssParts',
  cssprop: 'cssProperties',
  cssproperty: 'cssProperties',
};

function parse(module) {
  const text = readFileSync(resolve(PACKAGE, module), 'utf8');
  return ts.createSourceFile(module, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

const oneLine = (text) => text.replace(/\s+/g, ' ').trim();
const commentOf = (tag) => oneLine(ts.getTextOfJSDocComment(tag.comment) ?? '');
const has = (node, kind) => ts.getModifiers(node)?.some((modifier) => modifier.kind === kind) ?? false;

/** `{type} name=default - description`, the name optionally in brackets (`[name=default]`). */
function parseTag(comment) {
  const match =
    /^(?:\{(?<type>[^}]*)\}\s*)?\[?(?<name>[^\s=\]]+)(?:=(?<value>[^\s\]]+))?\]?\s*(?:-\s*)?(?<description>.*)$/.exec(
      comment,
    );
  if (!match?.groups) throw new Error(`Cannot read the doc tag "${comment}"`);
  const { type, name, value, description } = match.groups;
  return {
    name,
    ...(type ? { type: { text: type } } : {}),
    ...(value ? { default: value } : {}),
    ...(description ? { description } : {}),
  };
}

function findClass(source) {
  const found = source.statements.find(
    (statement) => ts.isClassDeclaration(statement) && statement.name?.text === CLASS_NAME,
  );
  if (!found) throw new Error(`${CLASS_MODULE} declares no class ${CLASS_NAME}`);
  return found;
}

/** The tag name `customElements.define()` gives the class in define.ts. */
function findTagName(source) {
  let tagName;
  const visit = (node) => {
    if (
      ts.isCallExpression(node) &&
      node.expression.getText(source) === 'customElements.define' &&
      ts.isStringLiteral(node.arguments[0]) &&
      node.arguments[1]?.getText(source) === CLASS_NAME
    )
      tagName = node.arguments[0].text;
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (!tagName) throw new Error(`${DEFINE_MODULE} does not define ${CLASS_NAME}`);
  return tagName;
}

/** `static properties = { siteKey: { attribute: 'site-key' }, … }`, internal state left out. */
function reactiveProperties(cls, source) {
  const member = cls.members.find(
    (m) =>
      ts.isPropertyDeclaration(m) &&
      m.name.getText(source) === 'properties' &&
      has(m, ts.SyntaxKind.StaticKeyword),
  );
  if (!member?.initializer || !ts.isObjectLiteralExpression(member.initializer))
    throw new Error(`${CLASS_NAME}.properties is not an object literal`);
  const properties = [];
  for (const entry of member.initializer.properties) {
    if (!ts.isPropertyAssignment(entry) || !ts.isObjectLiteralExpression(entry.initializer)) continue;
    const options = Object.fromEntries(
      entry.initializer.properties
        .filter(ts.isPropertyAssignment)
        .map((o) => [o.name.getText(source), o.initializer]),
    );
    if (options.state?.kind === ts.SyntaxKind.TrueKeyword) continue;
    if (options.attribute?.kind === ts.SyntaxKind.FalseKeyword) continue;
    const fieldName = entry.name.getText(source);
    properties.push({
      fieldName,
      // Lit's default attribute is the lowercased property name.
      attribute:
        options.attribute && ts.isStringLiteral(options.attribute)
          ? options.attribute.text
          : fieldName.toLowerCase(),
      reflects: options.reflect?.kind === ts.SyntaxKind.TrueKeyword,
    });
  }
  return properties;
}

/** Public fields and methods with their doc comments; `declare`d fields carry the types. */
function publicMembers(cls, source, properties) {
  const members = [];
  for (const member of cls.members) {
    if (
      has(member, ts.SyntaxKind.PrivateKeyword) ||
      has(member, ts.SyntaxKind.ProtectedKeyword) ||
      has(member, ts.SyntaxKind.StaticKeyword) ||
      !member.name ||
      !ts.isIdentifier(member.name)
    )
      continue;
    const name = member.name.text;
    const description = oneLine(
      ts.getTextOfJSDocComment(ts.getJSDocCommentsAndTags(member)[0]?.comment) ?? '',
    );
    const base = { name, ...(description ? { description } : {}), privacy: 'public' };
    if (ts.isPropertyDeclaration(member)) {
      const property = properties.find((p) => p.fieldName === name);
      members.push({
        kind: 'field',
        ...base,
        ...(member.type ? { type: { text: member.type.getText(source) } } : {}),
        ...(property
          ? { attribute: property.attribute, ...(property.reflects ? { reflects: true } : {}) }
          : {}),
      });
    } else if (ts.isMethodDeclaration(member)) {
      members.push({
        kind: 'method',
        ...base,
        ...(member.type ? { return: { type: { text: member.type.getText(source) } } } : {}),
      });
    }
  }
  return members;
}

export function buildManifest() {
  const source = parse(CLASS_MODULE);
  const cls = findClass(source);
  const tagName = findTagName(parse(DEFINE_MODULE));
  const docs = ts.getJSDocCommentsAndTags(cls).filter(ts.isJSDoc);
  const description = oneLine(docs.map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? '').join(' '));
  const declaration = {
    kind: 'class',
    name: CLASS_NAME,
    tagName,
    customElement: true,
    ...(description ? { description } : {}),
    superclass: { name: 'ReactiveElement', module: 'src/element/reactive-element.ts' },
    attributes: [],
    events: [],
    cssProperties: [],
    cssParts: [],
    members: [],
  };
  for (const tag of ts.getJSDocTags(cls)) {
    const name = tag.tagName.text;
    if (name === 'summary') declaration.summary = commentOf(tag);
    else if (TAGS[name]) declaration[TAGS[name]].push(parseTag(commentOf(tag)));
  }

  const properties = reactiveProperties(cls, source);
  const documented = new Set(declaration.attributes.map((a) => a.name));
  const declared = new Set(properties.map((p) => p.attribute));
  const undocumented = [...declared].filter((a) => !documented.has(a));
  const unknown = [...documented].filter((a) => !declared.has(a));
  if (undocumented.length || unknown.length)
    throw new Error(
      `${CLASS_MODULE}: @attr tags and reactive properties disagree. ` +
        `Undocumented: ${undocumented.join(', ') || 'none'}; documented but not declared: ${unknown.join(', ') || 'none'}.`,
    );
  for (const attribute of declaration.attributes) {
    attribute.fieldName = properties.find((p) => p.attribute === attribute.name).fieldName;
  }
  declaration.members = publicMembers(cls, source, properties);

  const reference = { name: CLASS_NAME, module: CLASS_MODULE };
  return {
    schemaVersion: '2.0.0',
    readme: '',
    modules: [
      {
        kind: 'javascript-module',
        path: CLASS_MODULE,
        declarations: [declaration],
        exports: [{ kind: 'js', name: CLASS_NAME, declaration: reference }],
      },
      {
        kind: 'javascript-module',
        path: DEFINE_MODULE,
        declarations: [],
        exports: [
          { kind: 'custom-element-definition', name: tagName, declaration: reference },
          { kind: 'js', name: CLASS_NAME, declaration: reference },
        ],
      },
    ],
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const flag = process.argv.indexOf('--out');
  const out = flag === -1 ? resolve(PACKAGE, 'dist/custom-elements.json') : resolve(process.argv[flag + 1]);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(buildManifest(), null, 2)}\n`);
}
