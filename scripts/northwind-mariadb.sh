#!/usr/bin/env bash
# Prints the shared Northwind fixture as MariaDB SQL: the classic schema (the SQLite fixture's names, with
# Microsoft's column sizes and real keys), with the SQLite fixture's rows, read by sqlite3 itself.
#   scripts/northwind-mariadb.sh FIXTURE/sqlite-create.sql WORKDIR | mariadb northwind
set -euo pipefail
FIXTURE=${1:?usage: northwind-mariadb.sh sqlite-create.sql WORKDIR}
WORK=${2:?usage: northwind-mariadb.sh sqlite-create.sql WORKDIR}
DB="$WORK/northwind-source.db"
rm -f "$DB"
sqlite3 "$DB" <"$FIXTURE" >/dev/null
cat <<'SQL'
SET NAMES utf8mb4;
SET sql_mode = 'ANSI_QUOTES,NO_BACKSLASH_ESCAPES,STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION';
SET FOREIGN_KEY_CHECKS = 0;
CREATE TABLE `Categories` (`CategoryID` INT AUTO_INCREMENT PRIMARY KEY, `CategoryName` VARCHAR(15) NOT NULL,
  `Description` MEDIUMTEXT, `Picture` LONGBLOB) ENGINE=InnoDB;
CREATE TABLE `CustomerDemographics` (`CustomerTypeID` VARCHAR(10) PRIMARY KEY, `CustomerDesc` MEDIUMTEXT) ENGINE=InnoDB;
CREATE TABLE `Customers` (`CustomerID` VARCHAR(5) PRIMARY KEY, `CompanyName` VARCHAR(40) NOT NULL,
  `ContactName` VARCHAR(30), `ContactTitle` VARCHAR(30), `Address` VARCHAR(60), `City` VARCHAR(15),
  `Region` VARCHAR(15), `PostalCode` VARCHAR(10), `Country` VARCHAR(15), `Phone` VARCHAR(24), `Fax` VARCHAR(24)) ENGINE=InnoDB;
CREATE TABLE `CustomerCustomerDemo` (`CustomerID` VARCHAR(5) NOT NULL, `CustomerTypeID` VARCHAR(10) NOT NULL,
  PRIMARY KEY (`CustomerID`, `CustomerTypeID`),
  FOREIGN KEY (`CustomerID`) REFERENCES `Customers` (`CustomerID`),
  FOREIGN KEY (`CustomerTypeID`) REFERENCES `CustomerDemographics` (`CustomerTypeID`)) ENGINE=InnoDB;
CREATE TABLE `Employees` (`EmployeeID` INT AUTO_INCREMENT PRIMARY KEY, `LastName` VARCHAR(20) NOT NULL,
  `FirstName` VARCHAR(10) NOT NULL, `Title` VARCHAR(30), `TitleOfCourtesy` VARCHAR(25), `BirthDate` DATE,
  `HireDate` DATE, `Address` VARCHAR(60), `City` VARCHAR(15), `Region` VARCHAR(15), `PostalCode` VARCHAR(10),
  `Country` VARCHAR(15), `HomePhone` VARCHAR(24), `Extension` VARCHAR(4), `Photo` LONGBLOB, `Notes` MEDIUMTEXT,
  `ReportsTo` INT NULL, `PhotoPath` VARCHAR(255),
  FOREIGN KEY (`ReportsTo`) REFERENCES `Employees` (`EmployeeID`)) ENGINE=InnoDB;
CREATE TABLE `Regions` (`RegionID` INT PRIMARY KEY, `RegionDescription` VARCHAR(50) NOT NULL) ENGINE=InnoDB;
CREATE TABLE `Territories` (`TerritoryID` VARCHAR(20) PRIMARY KEY, `TerritoryDescription` VARCHAR(50) NOT NULL,
  `RegionID` INT NOT NULL, FOREIGN KEY (`RegionID`) REFERENCES `Regions` (`RegionID`)) ENGINE=InnoDB;
CREATE TABLE `EmployeeTerritories` (`EmployeeID` INT NOT NULL, `TerritoryID` VARCHAR(20) NOT NULL,
  PRIMARY KEY (`EmployeeID`, `TerritoryID`),
  FOREIGN KEY (`EmployeeID`) REFERENCES `Employees` (`EmployeeID`),
  FOREIGN KEY (`TerritoryID`) REFERENCES `Territories` (`TerritoryID`)) ENGINE=InnoDB;
CREATE TABLE `Shippers` (`ShipperID` INT AUTO_INCREMENT PRIMARY KEY, `CompanyName` VARCHAR(40) NOT NULL,
  `Phone` VARCHAR(24)) ENGINE=InnoDB;
CREATE TABLE `Suppliers` (`SupplierID` INT AUTO_INCREMENT PRIMARY KEY, `CompanyName` VARCHAR(40) NOT NULL,
  `ContactName` VARCHAR(30), `ContactTitle` VARCHAR(30), `Address` VARCHAR(60), `City` VARCHAR(15),
  `Region` VARCHAR(15), `PostalCode` VARCHAR(10), `Country` VARCHAR(15), `Phone` VARCHAR(24), `Fax` VARCHAR(24),
  `HomePage` MEDIUMTEXT) ENGINE=InnoDB;
CREATE TABLE `Products` (`ProductID` INT AUTO_INCREMENT PRIMARY KEY, `ProductName` VARCHAR(40) NOT NULL,
  `SupplierID` INT, `CategoryID` INT, `QuantityPerUnit` VARCHAR(20), `UnitPrice` DECIMAL(10,4) DEFAULT 0,
  `UnitsInStock` SMALLINT DEFAULT 0, `UnitsOnOrder` SMALLINT DEFAULT 0, `ReorderLevel` SMALLINT DEFAULT 0,
  `Discontinued` CHAR(1) NOT NULL DEFAULT '0',
  FOREIGN KEY (`SupplierID`) REFERENCES `Suppliers` (`SupplierID`),
  FOREIGN KEY (`CategoryID`) REFERENCES `Categories` (`CategoryID`)) ENGINE=InnoDB;
CREATE TABLE `Orders` (`OrderID` INT AUTO_INCREMENT PRIMARY KEY, `CustomerID` VARCHAR(5), `EmployeeID` INT,
  `OrderDate` DATETIME, `RequiredDate` DATETIME, `ShippedDate` DATETIME, `ShipVia` INT,
  `Freight` DECIMAL(10,4) DEFAULT 0, `ShipName` VARCHAR(40), `ShipAddress` VARCHAR(60), `ShipCity` VARCHAR(15),
  `ShipRegion` VARCHAR(15), `ShipPostalCode` VARCHAR(10), `ShipCountry` VARCHAR(15),
  FOREIGN KEY (`CustomerID`) REFERENCES `Customers` (`CustomerID`),
  FOREIGN KEY (`EmployeeID`) REFERENCES `Employees` (`EmployeeID`),
  FOREIGN KEY (`ShipVia`) REFERENCES `Shippers` (`ShipperID`)) ENGINE=InnoDB;
CREATE TABLE `Order Details` (`OrderID` INT NOT NULL, `ProductID` INT NOT NULL,
  `UnitPrice` DECIMAL(10,4) NOT NULL DEFAULT 0, `Quantity` SMALLINT NOT NULL DEFAULT 1,
  `Discount` DOUBLE NOT NULL DEFAULT 0, PRIMARY KEY (`OrderID`, `ProductID`),
  FOREIGN KEY (`OrderID`) REFERENCES `Orders` (`OrderID`),
  FOREIGN KEY (`ProductID`) REFERENCES `Products` (`ProductID`)) ENGINE=InnoDB;
SQL
for t in Categories CustomerDemographics Customers CustomerCustomerDemo Employees Regions Territories \
         EmployeeTerritories Shippers Suppliers Products Orders "Order Details"; do
  # (sqlite3 prints REALs with 17 digits, 0.15 as 0.1499999999999999944: MariaDB reads them back as the same DOUBLE.)
  sqlite3 "$DB" ".mode insert \"$t\"" "SELECT * FROM \"$t\""
done
echo "SET FOREIGN_KEY_CHECKS = 1;"
rm -f "$DB"
