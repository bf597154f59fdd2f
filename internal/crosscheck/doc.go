// Package crosscheck holds tests that hold the domain packages to the one
// definition of a figure: the same records, fed through participation,
// engagement and budgeting, must give the same published figures. It has
// no API.
package crosscheck
