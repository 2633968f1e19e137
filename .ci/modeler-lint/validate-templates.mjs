// Validates Firebreak's element templates as Camunda Modeler does when it loads them:
// @bpmn-io/element-templates-validator's validate() checks each template against Camunda 7's
// element template JSON schema (@camunda/element-templates-json-schema; validateZeebe is the
// Camunda 8 one). Also refuses two templates with the same id and version, which Modeler would
// silently shadow. Usage: node validate-templates.mjs <dir-or-file>...
import fs from 'fs';
import path from 'path';
import { validate, getSchemaPackage, getSchemaVersion } from '@bpmn-io/element-templates-validator';

const files = process.argv.slice(2).flatMap(arg => fs.statSync(arg).isDirectory()
  ? fs.readdirSync(arg).filter(name => name.endsWith('.json')).sort().map(name => path.join(arg, name))
  : [arg]);
let errors = 0, templates = 0;
const seen = new Map();
const fail = (where, message) => { errors++; console.log(`${where}: ${message}`); };

for (const file of files) {
  let parsed;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    fail(path.basename(file), `not JSON: ${e.message}`);
    continue;
  }
  for (const [index, template] of (Array.isArray(parsed) ? parsed : [parsed]).entries()) {
    templates++;
    const id = template && template.id || `${path.basename(file)}[${index}]`;
    const result = validate(template);
    // The root's "must be array" / "oneOf" only say the object is not a template list either: noise.
    const problems = (result.errors || []).filter(e => e.instancePath !== '' || !['type', 'oneOf'].includes(e.keyword));
    for (const e of problems.length ? problems : result.errors || []) {
      fail(`${id} (${path.basename(file)})`, `${e.instancePath || '/'}: ${e.message}`);
    }
    const key = `${id}@${template && template.version}`;
    if (seen.has(key)) fail(id, `id and version ${template.version} also used in ${seen.get(key)}`);
    seen.set(key, path.basename(file));
  }
}
if (!templates) fail('element templates', `none found in ${process.argv.slice(2).join(' ')}`);
console.log(`element templates (${getSchemaPackage()}@${getSchemaVersion()}): ${templates} templates in ${files.length} files, ${errors} errors`);
process.exit(errors ? 1 : 0);
