// @vitest-environment node
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { cmi5CourseStructure, scorm12Manifest, scorm2004Manifest, type PackageInfo } from './manifest.ts';

const info: PackageInfo = { id: 'sql-joins', title: 'Joins & <subqueries>', description: 'SQL: 3 tasks', files: ['index.html', 'codeblanks.js', 'sql-x1.js'], mastery: 0.75 };
type Node = Record<string, unknown>;
const parse = (xml: string): Node => {
  expect(XMLValidator.validate(xml)).toBe(true);
  return new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (name) => name === 'file' }).parse(xml) as Node;
};
const at = (node: unknown, ...path: string[]): Node => path.reduce((n, key) => (n as Node)[key] as Node, node as Node);

describe('imsmanifest.xml', () => {
  it('SCORM 1.2: IMS CP 1.1.2 and adlcp_rootv1p2 names, one SCO that lists every file, the mastery score in 0-100', () => {
    const manifest = at(parse(scorm12Manifest(info)), 'manifest');
    expect(manifest['@xmlns']).toBe('http://www.imsproject.org/xsd/imscp_rootv1p1p2');
    expect(manifest['@xmlns:adlcp']).toBe('http://www.adlnet.org/xsd/adlcp_rootv1p2');
    expect(at(manifest, 'metadata')).toEqual({ schema: 'ADL SCORM', schemaversion: '1.2' });
    const organizations = at(manifest, 'organizations');
    const organization = at(organizations, 'organization');
    expect(organizations['@default']).toBe(organization['@identifier']);
    expect(organization.title).toBe('Joins & <subqueries>');
    const item = at(organization, 'item');
    const resource = at(manifest, 'resources', 'resource');
    expect(item['@identifierref']).toBe(resource['@identifier']);
    expect(item['adlcp:masteryscore']).toBe('75');
    expect(resource).toMatchObject({ '@type': 'webcontent', '@adlcp:scormtype': 'sco', '@href': 'index.html' });
    expect((resource.file as Node[]).map((f) => f['@href'])).toEqual(info.files);
  });

  it('SCORM 2004 4th Edition: imscp_v1p1, adlcp_v1p3, imsss, adlseq and adlnav, the SCO setting completion and success itself', () => {
    const manifest = at(parse(scorm2004Manifest(info)), 'manifest');
    expect(manifest).toMatchObject({
      '@xmlns': 'http://www.imsglobal.org/xsd/imscp_v1p1',
      '@xmlns:adlcp': 'http://www.adlnet.org/xsd/adlcp_v1p3',
      '@xmlns:adlseq': 'http://www.adlnet.org/xsd/adlseq_v1p3',
      '@xmlns:adlnav': 'http://www.adlnet.org/xsd/adlnav_v1p3',
      '@xmlns:imsss': 'http://www.imsglobal.org/xsd/imsss',
    });
    expect(at(manifest, 'metadata')).toEqual({ schema: 'ADL SCORM', schemaversion: '2004 4th Edition' });
    const organization = at(manifest, 'organizations', 'organization');
    const item = at(organization, 'item');
    const resource = at(manifest, 'resources', 'resource');
    expect(item['@identifierref']).toBe(resource['@identifier']);
    expect(at(item, 'imsss:sequencing', 'imsss:deliveryControls')).toMatchObject({ '@completionSetByContent': 'true', '@objectiveSetByContent': 'true' });
    expect(resource).toMatchObject({ '@adlcp:scormType': 'sco', '@href': 'index.html' });
    expect((resource.file as Node[]).map((f) => f['@href'])).toEqual(info.files);
  });
});

describe('cmi5.xml', () => {
  it('is a course of one AU at index.html that moves on when completed and passed, with its mastery score', () => {
    const structure = at(parse(cmi5CourseStructure(info)), 'courseStructure');
    expect(structure['@xmlns']).toBe('https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd');
    expect(at(structure, 'course')['@id']).toMatch(/^https:\/\//);
    const au = at(structure, 'au');
    expect(au).toMatchObject({ '@moveOn': 'CompletedAndPassed', '@masteryScore': '0.75', '@launchMethod': 'AnyWindow', url: 'index.html' });
    expect(at(au, 'title', 'langstring')).toMatchObject({ '#text': 'Joins & <subqueries>', '@lang': 'en-US' });
  });
});
