// Package stakeholder models who is involved in a public decision and how:
// pseudonymous participant profiles, stakeholders and their assessments.
package stakeholder
