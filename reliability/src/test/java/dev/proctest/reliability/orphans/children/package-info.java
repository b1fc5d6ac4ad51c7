/** The main classes of the children the orphan harness's fixture starts. */
package dev.proctest.reliability.orphans.children;
